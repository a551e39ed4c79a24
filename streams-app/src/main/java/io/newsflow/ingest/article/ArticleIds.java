package io.newsflow.ingest.article;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Article ids. The source's own id wins; otherwise the id is {@code sha256:} followed by the first
 * {@value #HEX_CHARS} hex digits of SHA-256 over the whitespace-normalised source, title and body
 * (separated by a newline). The file name is not part of it, so the same article re-ingested, or
 * re-published under another file, keeps its id and its Kafka key.
 */
public final class ArticleIds {

    public static final String PREFIX = "sha256:";
    static final int HEX_CHARS = 32;

    private ArticleIds() {
    }

    public static String contentHash(String source, String title, String body) {
        String canonical = TextNormalizer.whitespace(source) + "\n" + TextNormalizer.whitespace(title) + "\n"
                + TextNormalizer.whitespace(body);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(digest).substring(0, HEX_CHARS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
