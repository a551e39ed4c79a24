package io.newsflow.text;

import java.util.Set;

/**
 * Words that carry grammar, not content ("that", "the", "は", "を"): a span of evidence made only of them tells
 * a reader nothing, so {@link EvidenceSpans} leaves it out. English by a word list, Japanese by Kuromoji's part
 * of speech (particles, auxiliaries, symbols) and the grammar of {@link JapaneseFeatures#grammar} (する, いる).
 */
final class FunctionWords {

    private static final Set<String> ENGLISH = Set.of("a", "an", "the", "that", "this", "these", "those", "it", "its",
            "it's", "of", "in", "on", "at", "to", "for", "by", "with", "as", "and", "or", "is", "are", "was", "were",
            "be", "been", "being", "has", "have", "had", "do", "does", "did", "will", "would", "shall", "should",
            "can", "could", "may", "might", "must", "from", "into", "than", "then", "there", "their", "they", "them",
            "he", "she", "his", "her", "we", "our", "you", "your", "i", "which", "who", "whom", "whose", "what",
            "when", "where", "also", "so", "such", "said", "say", "says", "about", "after", "before", "over", "per",
            "s", "mn", "m", "bn", "eur", "usd", "mln", "million", "billion", "year", "quarter");

    private FunctionWords() {
    }

    static boolean isFunctionWord(Token token) {
        if (token.punctuation()) {
            return true;
        }
        String pos = token.partOfSpeech();
        if (pos.startsWith("助詞") || pos.startsWith("助動詞") || pos.startsWith("記号") || pos.startsWith("接頭詞")) {
            return true;
        }
        if (JapaneseFeatures.grammar(token)) { // light and dependent verbs (した, している): the character n-grams
            return true;                       // of the Japanese model give weights to them, never evidence alone
        }
        String surface = token.surface().toLowerCase(java.util.Locale.ROOT);
        return ENGLISH.contains(surface) || numeral(surface);
    }

    /** Digits, dots and commas only (true for an empty surface, as allMatch is). */
    private static boolean numeral(String surface) {
        for (int i = 0; i < surface.length(); i++) {
            char c = surface.charAt(i);
            if (!(Character.isDigit(c) || c == '.' || c == ',')) {
                return false;
            }
        }
        return true;
    }
}
