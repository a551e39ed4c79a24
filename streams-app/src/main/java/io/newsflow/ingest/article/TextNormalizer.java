package io.newsflow.ingest.article;

import java.text.Normalizer;
import java.util.Locale;

/** The text normal forms ingest compares and hashes. */
public final class TextNormalizer {

    private TextNormalizer() {
    }

    /** NFKC (full-width to half-width, compatibility forms) and runs of whitespace to one space. */
    public static String whitespace(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("\\s+", " ").strip();
    }

    /** For repeat detection: NFKC, lower case, letters and digits only. */
    public static String comparable(String text) {
        String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(nfkc.length());
        nfkc.codePoints().filter(Character::isLetterOrDigit).forEach(sb::appendCodePoint);
        return sb.toString();
    }
}
