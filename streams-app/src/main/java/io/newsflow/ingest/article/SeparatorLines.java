package io.newsflow.ingest.article;

import java.util.Locale;
import java.util.Set;

/**
 * Recognises lines that only separate scraped fragments: rules such as {@code ---} or {@code ＊＊＊}
 * (no letter or digit at all) and a few boilerplate markers ({@code Advertisement}, {@code 広告}).
 * These are the only lines ingest removes from a body.
 */
public final class SeparatorLines {

    private static final Set<String> MARKERS = Set.of("advertisement", "advertisements", "sponsored", "ad",
            "広告", "スポンサーリンク", "pr");

    private SeparatorLines() {
    }

    public static boolean isSeparator(String line) {
        String s = line.strip();
        if (s.isEmpty()) {
            return false;
        }
        if (MARKERS.contains(s.toLowerCase(Locale.ROOT))) {
            return true;
        }
        return s.codePoints().noneMatch(Character::isLetterOrDigit);
    }
}
