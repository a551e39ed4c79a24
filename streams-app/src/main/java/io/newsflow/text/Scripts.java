package io.newsflow.text;

/** Character classes used for word boundaries and language guessing. */
final class Scripts {

    private Scripts() {
    }

    static boolean isKatakana(char c) {
        // U+30FB (katakana middle dot) separates words, so it is deliberately not a katakana letter.
        return (c >= '\u30A1' && c <= '\u30FA') || (c >= '\u30FC' && c <= '\u30FF')
                || (c >= '\u31F0' && c <= '\u31FF') || (c >= '\uFF66' && c <= '\uFF9F');
    }

    static boolean isHiragana(char c) {
        return c >= '\u3041' && c <= '\u309F';
    }

    static boolean isIdeograph(char c) {
        return (c >= '\u4E00' && c <= '\u9FFF') || (c >= '\u3400' && c <= '\u4DBF') || c == '\u3005';
    }

    /** Latin letters and digits, the characters that make up an English word. */
    static boolean isLatinWordChar(char c) {
        return (c < 0x250 && Character.isLetterOrDigit(c));
    }

    static boolean isJapaneseChar(char c) {
        return isHiragana(c) || isKatakana(c) || isIdeograph(c);
    }

    /** True when at least a tenth of the letters are kana or ideographs (English quotes in Japanese text are common). */
    static boolean looksJapanese(CharSequence text) {
        if (text == null) {
            return false;
        }
        int japanese = 0;
        int letters = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (isJapaneseChar(c)) {
                japanese++;
                letters++;
            } else if (Character.isLetter(c)) {
                letters++;
            }
        }
        return letters > 0 && japanese * 10 >= letters;
    }
}
