package io.newsflow.topology.article;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

/** Normalisation and hashing of article text, so that trivially different copies hash alike. */
public final class TextHash {

    private TextHash() {
    }

    /** NFKC (full-width to half-width, etc.), lower case, whitespace collapsed. */
    public static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return nfkc.replaceAll("\\s+", " ").strip();
    }

    public static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** Hash of an article's content (title and body). */
    public static String content(String title, String body) {
        return sha256(normalise(title) + "\n" + normalise(body));
    }
}
