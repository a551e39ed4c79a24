package io.newsflow.text;

import static io.newsflow.text.Articles.en;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.avro.ArticleEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextAnalysisTest {

    @TempDir
    Path dir;

    @Test
    void defaultsAreBuiltOnceAndShared() {
        assertSame(TextAnalysis.defaults(), TextAnalysis.defaults());
    }

    @Test
    void defaultsResolveScoreAndFingerprintAnArticle() {
        TextAnalysis text = TextAnalysis.defaults();
        ArticleEvent article = en("Meta shares plunge 11% on capex worries",
                "Meta Platforms said spending would rise sharply next year.", "META");

        List<EntityMention> entities = text.entityResolver().resolve(article);
        SentimentScore sentiment = text.sentimentScorer().score(article, entities.get(0));

        assertEquals("META", entities.get(0).ticker());
        assertTrue(sentiment.score() < 0, sentiment.toString());
        assertEquals(1.0, text.fingerprinter().similarity(text.fingerprint(article), text.fingerprint(article)));
        assertEquals(0.8, text.nearDuplicateThreshold());
    }

    @Test
    void componentsGiveTheSameAnswersWhenSharedByConcurrentThreads() throws Exception {
        TextAnalysis text = TextAnalysis.defaults();
        List<ArticleEvent> articles = List.of(
                en("Nvidia surges on record demand while Meta plunges", "Meta shares fell sharply on capex worries."),
                Articles.ja("メタ株が急落", "メタ株は設備投資への懸念から大幅に下落した。エヌビディア株は上昇した。"),
                en("Meta's bond sale drew record demand", "The deal was oversubscribed."),
                Articles.ja("エヌビディアが最高益", "好調な需要が続いた。懸念はない。"));
        List<String> expected = articles.stream().map(a -> summary(text, a)).toList();

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(pool.submit(() -> {
                    List<String> last = null;
                    for (int round = 0; round < 25; round++) {
                        last = articles.stream().map(a -> summary(text, a)).toList();
                        if (!last.equals(expected)) {
                            return last;
                        }
                    }
                    return last;
                }));
            }
            for (Future<List<String>> result : results) {
                assertEquals(expected, result.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String summary(TextAnalysis text, ArticleEvent article) {
        StringBuilder out = new StringBuilder();
        for (EntityMention entity : text.entityResolver().resolve(article)) {
            out.append(entity).append(text.sentimentScorer().score(article, entity)).append(';');
        }
        return out.append(Arrays.toString(text.fingerprint(article))).toString();
    }

    @Test
    void configuredFilesReplaceTheShippedDictionaryAndLexicons() throws IOException {
        Path aliases = write("aliases.tsv", "Toyota Motor\t7203\t~Toyota|トヨタ\n");
        Path en = write("en.tsv", "recall\t-0.7\n");
        Path ja = write("ja.tsv", "リコール\t-0.7\n");
        Properties config = new Properties();
        config.setProperty(TextAnalysis.ALIASES_PATH, aliases.toString());
        config.setProperty(TextAnalysis.LEXICON_EN_PATH, en.toString());
        config.setProperty(TextAnalysis.LEXICON_JA_PATH, ja.toString());
        config.setProperty(TextAnalysis.FINGERPRINT_SLOTS, "64");
        config.setProperty(TextAnalysis.SENTIMENT_SCORER, "lexicon");

        TextAnalysis text = TextAnalysis.fromConfig(config);
        ArticleEvent article = en("Toyota announces recall; Meta shares plunge", "");
        List<EntityMention> entities = text.entityResolver().resolve(article);
        SentimentScore sentiment = text.sentimentScorer().score(article, entities.get(0));

        assertEquals(List.of("7203"), entities.stream().map(EntityMention::ticker).toList());
        assertEquals(List.of("recall"), sentiment.matchedTerms());
        assertEquals(64, text.fingerprint(article).length);
    }

    @Test
    void theModelScorerIsTheDefaultAndConfiguredModelFilesReplaceTheShippedOnes() throws IOException {
        Path model = write("model-en.tsv", "@format\tnewsflow-sentiment-model\t1\n@language\ten\n"
                + "@classes\tnegative\tneutral\tpositive\n@bias\t-2\t1\t-2\nrecal\t4\t0\t-4\n");
        TextAnalysis configured = TextAnalysis.fromConfig(Map.of(TextAnalysis.MODEL_EN_PATH, model.toString()));
        ArticleEvent article = en("Meta announces a recall", "");

        SentimentScore sentiment = configured.sentimentScorer().score(article, configured.entityResolver().resolve(article).get(0));

        assertTrue(TextAnalysis.defaults().sentimentScorer() instanceof ModelSentimentScorer);
        assertTrue(sentiment.score() < 0, sentiment.toString());
        assertEquals("recall", sentiment.evidence().get(0).text(), "the evidence is the word of the text");
        assertEquals(SentimentLabel.NEGATIVE, configured.classifySentence("A recall.", Language.EN));
    }

    @Test
    void anUnknownScorerOrABrokenModelFileFailsAtConstruction() throws IOException {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> TextAnalysis.fromConfig(Map.of(TextAnalysis.SENTIMENT_SCORER, "bert")));
        assertTrue(unknown.getMessage().contains(TextAnalysis.SENTIMENT_SCORER), unknown.getMessage());
        Path broken = write("broken.tsv", "@format\tnewsflow-sentiment-model\t1\n@language\tja\n"
                + "@classes\tnegative\tpositive\n@bias\t0\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TextAnalysis.fromConfig(Map.of(TextAnalysis.MODEL_JA_PATH, broken.toString())));
        assertTrue(e.getMessage().contains("broken.tsv:4"), e.getMessage());
    }

    @Test
    void blankKeysMeanDefaults() {
        TextAnalysis text = TextAnalysis.fromConfig(Map.of(TextAnalysis.ALIASES_PATH, " "));

        assertEquals("META", text.entityResolver().resolve(en("Meta", "")).get(0).ticker());
    }

    @Test
    void missingOrInvalidConfigurationFailsAtConstruction() {
        assertThrows(UncheckedIOException.class, () -> TextAnalysis.fromConfig(
                Map.of(TextAnalysis.LEXICON_JA_PATH, dir.resolve("missing.tsv").toString())));
        assertThrows(IllegalArgumentException.class, () -> TextAnalysis.fromConfig(
                Map.of(TextAnalysis.FINGERPRINT_SLOTS, "many")));
    }

    @Test
    void malformedLexiconLineIsReportedWithItsLineNumber() throws IOException {
        Path en = write("en.tsv", "# comment\ngain\t0.5\nplunge\t-3\n");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TextAnalysis.fromConfig(Map.of(TextAnalysis.LEXICON_EN_PATH, en.toString())));

        assertTrue(e.getMessage().endsWith("en.tsv:3: polar weight must be in [-1, 1]: -3.0"), e.getMessage());
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }
}
