package io.newsflow.text;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

/** The English features of one sentence, as the specifications of the cues check them. */
final class EnglishCues {

    private static final SentimentFeatures FEATURES = new SentimentFeatures(SentimentLexicon.defaults(Language.EN));

    private EnglishCues() {
    }

    static Set<String> features(String sentence) {
        return Set.copyOf(FEATURES.ofSentence(sentence));
    }

    /** The sentence has the {@code expected} feature and not the {@code unexpected} one. */
    static void assertOnly(String expected, String unexpected, String sentence) {
        Set<String> f = features(sentence);
        assertTrue(f.contains(expected), sentence + " " + f);
        assertFalse(f.contains(unexpected), sentence + " " + f);
    }
}
