package io.newsflow.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** When the Japanese rule layer decides a sentence and when it leaves it to the model. */
class JapaneseNewsRulesTest {

    @Test
    void eventsOfOneSignDecideAndAFactAloneIsNeutral() {
        assertEquals(SentimentLabel.NEGATIVE, JapaneseNewsRules.ruling(Set.of("evt:-", "工場"), true));
        assertEquals(SentimentLabel.POSITIVE, JapaneseNewsRules.ruling(Set.of("evt:+"), true));
        assertNull(JapaneseNewsRules.ruling(Set.of("evt:+", "chg:-"), true));
        assertEquals(SentimentLabel.NEUTRAL, JapaneseNewsRules.ruling(Set.of("fact", "決算"), true));
        assertNull(JapaneseNewsRules.ruling(Set.of("fact", "lex:-"), true));
    }

    @Test
    void aRulingWinsWhereTheModelHesitates() {
        double[] p = JapaneseNewsRules.apply(SentimentLabel.NEGATIVE, 0.2, 0.45, 0.35);
        assertEquals(0.6, p[0], 1e-9);
        assertEquals(0.225, p[1], 1e-9);
        assertEquals(0.175, p[2], 1e-9);
    }

    @Test
    void aModelSureOfItsClassKeepsIt() {
        assertArrayEquals(new double[] {0.1, 0.2, 0.7}, JapaneseNewsRules.apply(SentimentLabel.NEGATIVE, 0.1, 0.2, 0.7),
                1e-12);
        assertArrayEquals(new double[] {0.05, 0.8, 0.15}, JapaneseNewsRules.apply(SentimentLabel.POSITIVE, 0.05, 0.8, 0.15),
                1e-12);
    }
}
