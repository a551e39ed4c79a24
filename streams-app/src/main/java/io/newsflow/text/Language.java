package io.newsflow.text;

import java.util.Locale;

/** The two languages the text layer analyses; anything else is routed by script. */
public enum Language {
    EN, JA;

    /**
     * The article's declared language when it is "ja" or "en" (any region subtag), otherwise a guess from
     * the script: text with kana or CJK ideographs is Japanese, everything else English.
     */
    public static Language of(String code, CharSequence text) {
        if (code != null) {
            String primary = code.trim().toLowerCase(Locale.ROOT);
            int dash = primary.indexOf('-');
            if (dash > 0) {
                primary = primary.substring(0, dash);
            }
            if (primary.equals("ja")) {
                return JA;
            }
            if (primary.equals("en")) {
                return EN;
            }
        }
        return Scripts.looksJapanese(text) ? JA : EN;
    }
}
