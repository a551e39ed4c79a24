package io.newsflow.text;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Set;

/**
 * The English features of one sentence, as the specifications of the cues check them; and the shipped model on a
 * labelled file of the project's own sentences.
 */
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

    /** The shipped English model's answers on a {@code label<TAB>text} file (paths from the module directory). */
    static SentimentEvaluation shippedModelOn(String file) {
        SentimentModel model = SentimentModel.defaults(Language.EN);
        return SentimentEvaluation.run(SentimentDatasets.readTsv(Path.of(file)), s -> model.predict(s).label());
    }

    /** A model's class probabilities, as the precedence layer reads them. */
    static EnumMap<SentimentLabel, Double> probabilities(double negative, double neutral, double positive) {
        EnumMap<SentimentLabel, Double> p = new EnumMap<>(SentimentLabel.class);
        p.put(SentimentLabel.NEGATIVE, negative);
        p.put(SentimentLabel.NEUTRAL, neutral);
        p.put(SentimentLabel.POSITIVE, positive);
        return p;
    }
}
