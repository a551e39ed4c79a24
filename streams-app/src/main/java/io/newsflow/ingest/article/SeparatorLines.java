package io.newsflow.ingest.article;

import java.util.Locale;
import java.util.Set;

/**
 * Recognises lines that only separate scraped fragments: rules such as {@code ---} or {@code ＊＊＊}
 * (no letter or digit at all) and a few boilerplate and end markers ({@code Advertisement}, {@code 広告},
 * {@code ---END---}, {@code [END]}), bare or decorated with rule characters. These are the only lines
 * ingest removes from a body.
 */
public final class SeparatorLines {

    private static final Set<String> MARKERS = Set.of("advertisement", "advertisements", "sponsored", "ad",
            "広告", "スポンサーリンク", "pr", "end", "end of article", "end of story", "fin", "終わり", "了");
    /** Rule and bracket characters that may decorate a marker: {@code ---END---}, {@code [END]}, {@code ＜了＞}. */
    private static final String DECORATION = "[-=*_~#\\[\\]()<>【】＜＞（）\\s]*";

    private SeparatorLines() {
    }

    public static boolean isSeparator(String line) {
        String s = line.strip();
        if (s.isEmpty()) {
            return false;
        }
        String bare = s.replaceAll("^" + DECORATION, "").replaceAll(DECORATION + "$", "");
        if (MARKERS.contains(bare.toLowerCase(Locale.ROOT))) {
            return true;
        }
        return s.codePoints().noneMatch(Character::isLetterOrDigit);
    }
}
