package io.newsflow.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Tone per entity, which can differ inside one sentence (sentences written for these specifications). */
class EntityToneClassifierTest {

    private static final EntityToneClassifier TONE = TextAnalysis.defaults().entityTone();

    private static SentimentLabel tone(String text, String entity, String... others) {
        return TONE.classify(text, entity, List.of(others), Language.EN);
    }

    @Test
    void twoCompaniesOfOneSentenceGetTheirOwnTone() {
        String text = "Alpha Corp shares rose 6 % after strong quarterly sales, while Beta Inc slumped after a profit "
                + "warning.";
        assertEquals(SentimentLabel.POSITIVE, tone(text, "Alpha Corp", "Beta Inc"));
        assertEquals(SentimentLabel.NEGATIVE, tone(text, "Beta Inc", "Alpha Corp"));
    }

    @Test
    void theSourceOfWhatIsSaidIsNotWhatItIsAbout() {
        String text = "Analysts at Gamma Bank said Delta Corp's operating profit rose sharply in the quarter.";
        assertEquals(SentimentLabel.POSITIVE, tone(text, "Delta Corp", "Gamma Bank"));
        assertEquals(SentimentLabel.NEUTRAL, tone(text, "Gamma Bank", "Delta Corp"));
    }

    @Test
    void anEntityTheDictionaryKnowsIsPlacedByItsAliases() {
        String text = "Facebook owner Meta said its quarterly revenue rose 20 percent, while Epsilon Oy cut 300 jobs.";
        assertEquals(SentimentLabel.POSITIVE, tone(text, "Meta Platforms", "Epsilon Oy"));
        assertEquals(SentimentLabel.NEGATIVE, tone(text, "Epsilon Oy", "Meta Platforms"));
    }

    @Test
    void aTextThatSaysNothingOfTheEntityIsNeutralTowardIt() {
        assertEquals(SentimentLabel.NEUTRAL, tone("Zeta Group will publish its interim report on 28 April.",
                "Zeta Group"));
    }
}
