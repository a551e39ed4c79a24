package io.newsflow.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The model file: what a valid one means, and that a broken one fails loading with where it is broken. */
class SentimentModelTest {

    private static final SentimentLexicon EN = SentimentLexicon.defaults(Language.EN);
    private static final String HEADER = "@format\tnewsflow-sentiment-model\t1\n@language\ten\n"
            + "@classes\tnegative\tneutral\tpositive\n";

    private static SentimentModel parse(String text) {
        return SentimentModel.parse(new StringReader(text), "test-model.tsv", EN);
    }

    @Test
    void probabilitiesComeFromTheBiasAndTheWeightsOfTheFeaturesPresent() {
        SentimentModel model = parse(HEADER + "@bias\t-1\t1\t-1\nchg:+\t-2\t-1\t3\n");
        SentimentModel.Prediction neutral = model.predict("The meeting is in May.");
        SentimentModel.Prediction better = model.predict("Sales rose.");

        assertEquals(SentimentLabel.NEUTRAL, neutral.label());
        assertEquals(SentimentLabel.POSITIVE, better.label(), better.toString());
        assertEquals(List.of("chg:+"), better.features());
        assertEquals(1.0, better.negative() + better.neutral() + better.positive(), 1e-9);
        assertEquals(5.0, model.polarity("chg:+"));
    }

    @Test
    void aTwoClassModelNeverSaysNeutral() {
        SentimentModel model = SentimentModel.parse(new StringReader("@format\tnewsflow-sentiment-model\t1\n"
                + "@language\tja\n@classes\tnegative\tpositive\n@bias\t0.1\t-0.1\n"),
                "ja.tsv", SentimentLexicon.defaults(Language.JA));
        assertEquals(0.0, model.predict("会議は5月に開かれる。").neutral());
        assertEquals(SentimentLabel.NEGATIVE, model.predict("会議は5月に開かれる。").label());
    }

    @Test
    void writingAndReadingGiveTheSameModel() {
        SentimentModel model = parse(HEADER + "@bias\t-1\t1\t-1\nchg:+\t-2\t-1\t3\nsale rose\t0.5\t0\t0.25\n");
        StringBuilder written = new StringBuilder();
        model.write(written, List.of("a comment"));
        StringBuilder again = new StringBuilder();
        parse(written.toString()).write(again, List.of("a comment"));
        assertEquals(written.toString(), again.toString());
        assertTrue(written.toString().startsWith("# a comment\n@format\t"), written.toString());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "@language\\ten\\n@classes\\tnegative\\tpositive\\n@bias\\t0\\t0\\n|not a sentiment model",
            "@format\\tnewsflow-sentiment-model\\t9\\n@language\\ten\\n@classes\\tnegative\\tpositive\\n@bias\\t0\\t0\\n|version 9",
            "@format\\tnewsflow-sentiment-model\\t1\\n@language\\tfr\\n@classes\\tnegative\\tpositive\\n@bias\\t0\\t0\\n|@language",
            "@format\\tnewsflow-sentiment-model\\t1\\n@language\\ten\\n@classes\\tnegative\\tbullish\\n@bias\\t0\\t0\\n|@classes",
            "@format\\tnewsflow-sentiment-model\\t1\\n@language\\ten\\n@classes\\tnegative\\tpositive\\n|missing the @bias",
            "@format\\tnewsflow-sentiment-model\\t1\\n@language\\ten\\n@classes\\tnegative\\tpositive\\n@bias\\t0\\t0\\nrose\\t1\\n|test-model.tsv:5: expected 2 weights",
            "@format\\tnewsflow-sentiment-model\\t1\\n@language\\ten\\n@classes\\tnegative\\tpositive\\n@bias\\t0\\t0\\nrose\\t1\\tx\\n|test-model.tsv:5: weight is not a number",
            "@format\\tnewsflow-sentiment-model\\t1\\n@language\\ten\\n@classes\\tnegative\\tpositive\\n@bias\\t0\\t0\\nrose\\t1\\t1\\nrose\\t1\\t1\\n|test-model.tsv:6: feature listed twice",
            "rose\\t1\\t1\\n|test-model.tsv:1: feature before the @classes line"})
    void aMalformedFileFailsLoadingSayingWhere(String text, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> parse(text.replace("\\t", "\t").replace("\\n", "\n")));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void aModelOfTheWrongLanguageForItsLexiconIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> SentimentModel.parse(new StringReader(HEADER + "@bias\t0\t0\t0\n"),
                "m.tsv", SentimentLexicon.defaults(Language.JA)));
    }

    @Test
    void theShippedModelsLoad() {
        assertEquals(List.of(SentimentLabel.NEGATIVE, SentimentLabel.NEUTRAL, SentimentLabel.POSITIVE),
                SentimentModel.defaults(Language.EN).classes());
        assertEquals(List.of(SentimentLabel.NEGATIVE, SentimentLabel.NEUTRAL, SentimentLabel.POSITIVE),
                SentimentModel.defaults(Language.JA).classes());
    }

    @Test
    void thePrecedenceLayerDecidesASentenceNotAParagraph() {
        SentimentModel english = SentimentModel.defaults(Language.EN);
        String event = "The group opened a new plant in Tampere last year.";
        assertEquals(SentimentLabel.POSITIVE, english.predict(event).label());
        assertEquals(SentimentLabel.NEUTRAL,
                english.predict("Zeta Oy will publish its interim report on 28 April. " + event).label());
    }
}
