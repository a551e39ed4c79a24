package io.newsflow.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The tab-separated resource files of this package (alias dictionary, lexicons): UTF-8, blank lines
 * and {@code #} comments skipped, each line handed over with its {@code source:line} location so a
 * malformed line fails with where it is.
 */
final class TsvFile {

    /** Receives one content line (stripped) and its location. */
    interface LineHandler {
        void line(String line, String location);
    }

    private TsvFile() {
    }

    static void read(Reader reader, String sourceName, LineHandler handler) {
        try (BufferedReader in = new BufferedReader(reader)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                String trimmed = line.strip();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                    handler.line(trimmed, sourceName + ":" + number);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + sourceName, e);
        }
    }

    static Reader open(Path path) {
        try {
            return Files.newBufferedReader(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    static Reader openResource(String resource, String what) {
        InputStream in = TsvFile.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalArgumentException(what + " resource not found: " + resource);
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }
}
