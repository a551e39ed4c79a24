package io.newsflow.ingest.article;

/**
 * Guesses the language of a text from its script mix, enough to route it to a Japanese or an
 * English analyser. Kana (hiragana, katakana) mark Japanese; kanji count as Japanese only when
 * kana are present too (kanji alone may be Chinese). Latin letters count as English, the only Latin
 * language the pipeline analyses.
 *
 * <ul>
 *   <li>{@code ja}: at least two kana, and kana plus kanji are at least 10% of all letters;</li>
 *   <li>{@code en}: otherwise, Latin letters are at least 60% of all letters;</li>
 *   <li>{@code und}: fewer than {@value #MIN_LETTERS} letters, or neither rule holds.</li>
 * </ul>
 * The Japanese threshold is low because Japanese business news is full of Latin names (Meta, AI, NVIDIA),
 * while English text practically never contains kana.
 */
public final class LanguageDetector {

    static final int MIN_LETTERS = 3;

    public String detect(String text) {
        long kana = 0;
        long kanji = 0;
        long latin = 0;
        long otherLetters = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isLetter(cp)) {
                continue;
            }
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            switch (script) {
                case HIRAGANA, KATAKANA -> kana++;
                case HAN -> kanji++;
                case LATIN -> latin++;
                default -> otherLetters++;
            }
        }
        long letters = kana + kanji + latin + otherLetters;
        if (letters < MIN_LETTERS) {
            return "und";
        }
        if (kana >= 2 && (kana + kanji) * 10 >= letters) {
            return "ja";
        }
        if (latin * 10 >= letters * 6) {
            return "en";
        }
        return "und";
    }
}
