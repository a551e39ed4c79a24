package io.newsflow.bench;

import io.newsflow.avro.ArticleEvent;
import io.newsflow.text.AliasDictionary;
import io.newsflow.text.AliasMatch;
import io.newsflow.text.EntityMention;
import io.newsflow.text.EntityResolver;
import io.newsflow.text.Language;
import io.newsflow.text.SentimentLabel;
import io.newsflow.text.SentimentScore;
import io.newsflow.text.SentimentScorer;
import io.newsflow.text.TextAnalysis;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Per-article cost of the text analysis the topology runs on every article: entity resolution,
 * sentiment toward the main entity, and the MinHash novelty fingerprint, for one English and one
 * Japanese article (about 600 characters each, the benchmark workload's articles); and the cost of
 * classifying one stand-alone sentence with the sentiment model (tokenization included), whose
 * inverse is sentences per second on one core.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TextBenchmark {

    private TextAnalysis analysis;
    private EntityResolver resolver;
    private SentimentScorer scorer;
    private SentimentScorer lexiconScorer;
    private ArticleEvent english;
    private ArticleEvent japanese;
    private EntityMention englishTarget;
    private EntityMention japaneseTarget;
    private long[] englishFingerprint;
    private long[] japaneseFingerprint;
    private AliasDictionary dictionary;
    private String englishText;
    private String japaneseText;
    private List<String> needles;
    private String englishLower;
    private int nextSentence;

    /** Sentences of financial-report length in the press style the model is meant for (project-written). */
    private static final String[] ENGLISH_SENTENCES = {
            "Operating profit rose to EUR 21.4 mn from EUR 15.2 mn in the same quarter a year earlier.",
            "Net sales decreased by 5% to EUR 210 mn as demand weakened in its main markets.",
            "The company will publish its interim report on 24 October.",
            "The group's net loss narrowed to EUR 2.1 mn, compared to EUR 6.8 mn a year ago."};
    private static final String[] JAPANESE_SENTENCES = {
            "当連結会計年度の売上高は前年同期比12.5%増の320億円となりました。",
            "営業利益は原材料価格の高騰により前年同期比8.1%減の45億円となりました。",
            "先行き不透明な状況が続くなか、受注高は計画を上回りました。",
            "当社は来年4月に新工場を稼働させる予定です。"};

    @Setup
    public void setUp() {
        analysis = TextAnalysis.defaults();
        resolver = analysis.entityResolver();
        scorer = analysis.sentimentScorer();
        lexiconScorer = TextAnalysis.fromConfig(Map.of(TextAnalysis.SENTIMENT_SCORER, "lexicon")).sentimentScorer();
        english = SyntheticNews.sampleEnglish();
        japanese = SyntheticNews.sampleJapanese();
        englishTarget = mainEntity(english);
        japaneseTarget = mainEntity(japanese);
        englishFingerprint = analysis.fingerprint(english);
        japaneseFingerprint = analysis.fingerprint(japanese);
        dictionary = analysis.dictionary();
        englishText = english.getTitle() + "\n" + english.getBody();
        japaneseText = japanese.getTitle() + "\n" + japanese.getBody();
        englishLower = englishText.toLowerCase(Locale.ROOT);
        needles = dictionary.entities().stream().flatMap(e -> e.aliases().stream())
                .map(a -> a.replace("?", "").replace("~", "").toLowerCase(Locale.ROOT)).distinct().toList();
    }

    private EntityMention mainEntity(ArticleEvent article) {
        List<EntityMention> mentions = resolver.resolve(article);
        if (mentions.isEmpty()) {
            throw new IllegalStateException("no entity resolved in benchmark article " + article.getId()
                    + ": the benchmark would measure the empty path");
        }
        return mentions.get(0);
    }

    @Benchmark
    public List<EntityMention> resolveEntitiesEnglish() {
        return resolver.resolve(english);
    }

    @Benchmark
    public List<EntityMention> resolveEntitiesJapanese() {
        return resolver.resolve(japanese);
    }

    /**
     * The alias scan alone on a fresh text each call (resolve() reuses the thread's cached ArticleText and
     * its matches, so it does not show what the dictionary's size costs).
     */
    @Benchmark
    public List<AliasMatch> aliasMatchesEnglish() {
        return dictionary.findMatches(englishText);
    }

    @Benchmark
    public List<AliasMatch> aliasMatchesJapanese() {
        return dictionary.findMatches(japaneseText);
    }

    /**
     * Baseline: the scan the automaton replaced (one {@code indexOf} loop per alias over the text), run with
     * the shipped dictionary's aliases, to show what a per-alias scan costs at this dictionary size.
     */
    @Benchmark
    public int linearAliasScanEnglish() {
        int found = 0;
        for (String needle : needles) {
            for (int at = englishLower.indexOf(needle); at >= 0; at = englishLower.indexOf(needle, at + 1)) {
                found++;
            }
        }
        return found;
    }

    @Benchmark
    public SentimentScore sentimentEnglish() {
        return scorer.score(english, englishTarget);
    }

    @Benchmark
    public SentimentScore sentimentJapanese() {
        return scorer.score(japanese, japaneseTarget);
    }

    /** The hand-lexicon scorer on the same article, for comparison with the default (model) scorer. */
    @Benchmark
    public SentimentScore sentimentLexiconEnglish() {
        return lexiconScorer.score(english, englishTarget);
    }

    @Benchmark
    public SentimentScore sentimentLexiconJapanese() {
        return lexiconScorer.score(japanese, japaneseTarget);
    }

    @Benchmark
    public SentimentLabel sentenceModelEnglish() {
        return analysis.classifySentence(ENGLISH_SENTENCES[nextSentence++ & 3], Language.EN);
    }

    @Benchmark
    public SentimentLabel sentenceModelJapanese() {
        return analysis.classifySentence(JAPANESE_SENTENCES[nextSentence++ & 3], Language.JA);
    }

    @Benchmark
    public long[] fingerprintEnglish() {
        return analysis.fingerprint(english);
    }

    @Benchmark
    public long[] fingerprintJapanese() {
        return analysis.fingerprint(japanese);
    }

    @Benchmark
    public double fingerprintSimilarity() {
        return analysis.fingerprinter().similarity(englishFingerprint, japaneseFingerprint);
    }
}
