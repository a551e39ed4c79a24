package io.newsflow.ingest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads an input file as UTF-8 text, refusing what is not text: files over the size limit, files
 * with NUL bytes (binary) and invalid UTF-8. A leading byte-order mark is dropped.
 */
public final class TextFiles {

    public static final long DEFAULT_MAX_ARTICLE_BYTES = 1024 * 1024;

    private TextFiles() {
    }

    public static String read(Path file, long maxBytes) throws BadInputException {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new BadInputException("cannot read: " + e.getMessage());
        }
        if (size > maxBytes) {
            throw new BadInputException("too large: " + size + " bytes > limit " + maxBytes);
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new BadInputException("cannot read: " + e.getMessage());
        }
        return decode(bytes);
    }

    public static String decode(byte[] bytes) throws BadInputException {
        for (byte b : bytes) {
            if (b == 0) {
                throw new BadInputException("binary content (NUL bytes)");
            }
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new BadInputException("not valid UTF-8 text");
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
