package io.newsflow.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Press sentences derived from entity-labelled paragraphs (project-written paragraphs). */
class EnglishNewsDataTest {

    private static final String PARAGRAPH = "Northwind Corp said quarterly sales rose 8 % to $2.1 billion. "
            + "Shares of Bluefin Inc fell 3 % after a profit warning. Markets were closed in Tokyo on Monday. "
            + "Northwind Corp and Bluefin Inc both report in euros.";

    private static List<LabelledEntity> labels(String paragraph) {
        return List.of(new LabelledEntity(SentimentLabel.POSITIVE, "Northwind Corp", paragraph),
                new LabelledEntity(SentimentLabel.NEGATIVE, "Bluefin Inc", paragraph));
    }

    @Test
    void aSentenceNamingLabelledEntitiesOfOneToneTakesThatTone() {
        List<LabelledSentence> sentences = EnglishNewsData.sentenceExamples(labels(PARAGRAPH));

        assertEquals(List.of(
                new LabelledSentence(SentimentLabel.POSITIVE, "Northwind Corp said quarterly sales rose 8 % to $2.1 billion."),
                new LabelledSentence(SentimentLabel.NEGATIVE, "Shares of Bluefin Inc fell 3 % after a profit warning.")),
                sentences, "the sentence naming nobody and the one naming both tones are dropped");
    }

    @Test
    void aSentenceRepeatedInParagraphsWithDifferentTonesIsDropped() {
        String other = "Northwind Corp said quarterly sales rose 8 % to $2.1 billion. Analysts were unimpressed.";
        List<LabelledEntity> labelled = new java.util.ArrayList<>(labels(PARAGRAPH));
        labelled.add(new LabelledEntity(SentimentLabel.NEUTRAL, "Northwind Corp", other));

        List<LabelledSentence> sentences = EnglishNewsData.sentenceExamples(labelled);

        assertEquals(List.of(
                new LabelledSentence(SentimentLabel.NEGATIVE, "Shares of Bluefin Inc fell 3 % after a profit warning.")),
                sentences);
    }
}
