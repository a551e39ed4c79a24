package io.newsflow.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A model scores a sentence by the features it has weights for, found without building a name for every character
 * n-gram ({@link ScoringFeatures}): the same features, in the same order, from the same characters, as in the full
 * map of {@link SentimentFeatures#located}, so that the sum of the weights and the evidence stay what they were.
 */
class ScoringFeaturesTest {

    private static final SentimentLexicon LEXICON = SentimentLexicon.defaults(Language.JA);
    private static final SentimentFeatures FEATURES = new SentimentFeatures(LEXICON);
    /** The project's own sentences: a comment of the economy, a company's figures, an event, a schedule. */
    private static final List<String> SENTENCES = List.of(
            "先行き不透明な状況が続くなか、客足は戻らず、売上の回復は見込めない。",
            "A社の売上高は前年同期比12%増加し、営業利益も過去最高となった。",
            "工場はシステム障害で操業を停止し、出荷が遅れている。",
            "B社は来月、中間決算を発表する予定だ。");

    private static Map<String, CharRange> fullMap(String normalized) {
        List<Token> tokens = FEATURES.tokenize(normalized);
        return FEATURES.located(normalized, tokens, 0, tokens.size());
    }

    /** A model with a weight for every third feature of the sentences (words, n-grams and cues alike). */
    private static SentimentModel everyThirdFeature(List<String> weighed) {
        StringBuilder file = new StringBuilder("@format\tnewsflow-sentiment-model\t1\n@language\tja\n"
                + "@classes\tnegative\tneutral\tpositive\n@bias\t0.1\t0.2\t-0.3\n");
        for (String sentence : SENTENCES) {
            int i = 0;
            for (String feature : fullMap(ArticleText.normalize(sentence)).keySet()) {
                if (i++ % 3 == 0 && !weighed.contains(feature)) {
                    weighed.add(feature);
                    int n = weighed.size();
                    file.append(String.format(Locale.ROOT, "%s\t%.5f\t%.5f\t%.5f%n", feature, n * 0.013 - 0.4,
                            0.05 - n * 0.007, (n % 7) * 0.11 - 0.3));
                }
            }
        }
        return SentimentModel.parse(new StringReader(file.toString()), "test model", LEXICON);
    }

    @Test
    void theModelSeesTheFeaturesItWeighsInTheOrderAndPlacesOfTheFullMap() {
        List<String> weighed = new ArrayList<>();
        SentimentModel model = everyThirdFeature(weighed);
        int grams = 0;
        for (String sentence : SENTENCES) {
            String normalized = ArticleText.normalize(sentence);
            Map<String, CharRange> full = fullMap(normalized);
            List<String> expected = full.keySet().stream().filter(weighed::contains).toList();
            SentimentModel.Prediction p = model.predict(sentence);
            assertEquals(expected, p.features(), sentence);
            assertEquals(expected.stream().map(full::get).toList(), p.ranges(), sentence);
            grams += (int) expected.stream().filter(JapaneseCharacterGrams::isGram).count();
        }
        assertTrue(grams > 10, "the sentences hold weighed character n-grams: " + grams);
    }

    @Test
    void aJudgementsEvidenceAskedForLaterIsTheSentencesExplanation() {
        SentimentModel model = SentimentModel.defaults(Language.JA);
        for (String sentence : SENTENCES) {
            SentenceJudgement judgement = model.judge(sentence);
            assertEquals(model.explain(sentence).stream().map(EvidenceSpan::toString).toList(), judgement.evidence(),
                    sentence);
        }
    }

    @Test
    void evidenceIsWrittenWithTwoDecimalsAndItsSign() {
        assertEquals("+0.81 受注", new EvidenceSpan("受注", 0.81).toString());
        assertEquals("-12.05 操業を停止", new EvidenceSpan("操業を停止", -12.05).toString());
        assertEquals("+0.10 増益", new EvidenceSpan("増益", 0.1).toString());
        assertEquals("-0.33 減益", new EvidenceSpan("減益", -0.333).toString()); // not whole hundredths: formatted
    }
}
