package io.newsflow.text;

import static io.newsflow.text.SentimentLabel.NEGATIVE;
import static io.newsflow.text.SentimentLabel.NEUTRAL;
import static io.newsflow.text.SentimentLabel.POSITIVE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SentimentEvaluationTest {

    @Test
    void threeClassFigures() {
        SentimentEvaluation e = new SentimentEvaluation();
        e.add(POSITIVE, POSITIVE);
        e.add(POSITIVE, NEUTRAL);
        e.add(NEGATIVE, NEGATIVE);
        e.add(NEUTRAL, NEUTRAL);
        e.add(NEUTRAL, POSITIVE);

        assertEquals(0.6, e.accuracy(), 1e-9);
        assertEquals(0.5, e.precision(POSITIVE), 1e-9);
        assertEquals(0.5, e.recall(POSITIVE), 1e-9);
        assertEquals((0.5 + 1.0 + 0.5) / 3, e.macroF1(), 1e-9);
        assertEquals(2.0 / 3, e.coverage(), 1e-9, "two of the three polar sentences were called polar");
        assertEquals("accuracy=0.600 macro_f1=0.667 coverage=0.667 n=5", e.summary());
    }

    @Test
    void onATwoClassSetANeutralAnswerCountsWrongAndMacroF1UsesTheTwoGoldClasses() {
        SentimentEvaluation e = new SentimentEvaluation();
        e.add(POSITIVE, POSITIVE);
        e.add(POSITIVE, NEUTRAL);
        e.add(NEGATIVE, NEGATIVE);
        e.add(NEGATIVE, NEGATIVE);

        assertEquals(0.75, e.accuracy(), 1e-9);
        assertEquals(0.75, e.coverage(), 1e-9);
        assertEquals((2 * 0.5 / 1.5 + 1.0) / 2, e.macroF1(), 1e-9);
    }
}
