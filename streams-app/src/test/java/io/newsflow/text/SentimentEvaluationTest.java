package io.newsflow.text;

import static io.newsflow.text.SentimentLabel.NEGATIVE;
import static io.newsflow.text.SentimentLabel.NEUTRAL;
import static io.newsflow.text.SentimentLabel.POSITIVE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
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

    @Test
    void calibrationComparesEachConfidenceBinsAccuracyWithItsMeanConfidence() {
        SentimentEvaluation e = new SentimentEvaluation();
        // bin [0.9, 1.0): confidence 0.95 and 0.95, one right: |0.5 - 0.95| = 0.45, half the answers
        e.add(new LabelledSentence(POSITIVE, "a"), new SentenceJudgement(POSITIVE, 0.95, List.of()));
        e.add(new LabelledSentence(NEGATIVE, "b"), new SentenceJudgement(POSITIVE, 0.95, List.of("+0.80 増益")));
        // bin [0.6, 0.7): confidence 0.6 and 0.6, both right: |1.0 - 0.6| = 0.4, half the answers
        e.add(new LabelledSentence(NEUTRAL, "c"), new SentenceJudgement(NEUTRAL, 0.6, List.of()));
        e.add(new LabelledSentence(NEGATIVE, "d"), new SentenceJudgement(NEGATIVE, 0.6, List.of()));

        assertEquals(0.5 * 0.45 + 0.5 * 0.4, e.expectedCalibrationError(), 1e-9);
        assertEquals(0.5, e.confidentShare(), 1e-9);
        assertEquals(0.5, e.confidentAccuracy(), 1e-9);
        assertEquals(1, e.errorCount());
    }

    @Test
    void aPerfectlyCalibratedScorerHasNoCalibrationError() {
        SentimentEvaluation e = new SentimentEvaluation();
        for (int i = 0; i < 4; i++) {
            e.add(new LabelledSentence(POSITIVE, "s" + i), new SentenceJudgement(i < 3 ? POSITIVE : NEGATIVE, 0.75,
                    List.of()));
        }
        assertEquals(0.0, e.expectedCalibrationError(), 1e-9);
        assertEquals(0.0, e.confidentShare(), 1e-9);
    }
}
