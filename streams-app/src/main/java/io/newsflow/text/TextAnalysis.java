package io.newsflow.text;

import io.newsflow.avro.ArticleEvent;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The text-analysis components the topology uses, built once from configuration and shared by all stream
 * threads (every component is thread-safe).
 *
 * <p>Configuration keys (all optional; blank means the default resource shipped in the jar):
 * <ul>
 *   <li>{@value #ALIASES_PATH} — alias dictionary file (default resource {@code text/entities.tsv})</li>
 *   <li>{@value #LEXICON_EN_PATH} — English lexicon file (default resource {@code text/lexicon-en.tsv})</li>
 *   <li>{@value #LEXICON_JA_PATH} — Japanese lexicon file (default resource {@code text/lexicon-ja.tsv})</li>
 *   <li>{@value #FINGERPRINT_SLOTS} — MinHash signature length (default 128)</li>
 *   <li>{@value #SENTIMENT_SCORER} — {@code model} (default: the learned {@link ModelSentimentScorer}) or
 *       {@code lexicon} (the hand lexicon, {@link LexiconSentimentScorer})</li>
 *   <li>{@value #MODEL_EN_PATH} — English sentiment model file (default resource
 *       {@code text/sentiment-model-en-v1.tsv}; see docs/sentiment-model.md)</li>
 *   <li>{@value #MODEL_JA_PATH} — Japanese sentiment model file (default resource
 *       {@code text/sentiment-model-ja-v1.tsv})</li>
 * </ul>
 * A missing or malformed file fails construction with a message naming the file and line: that is a deployment
 * error and should stop start-up, not be discovered per record.
 */
public final class TextAnalysis {

    public static final String ALIASES_PATH = "text.aliases.path";
    public static final String LEXICON_EN_PATH = "text.lexicon.en.path";
    public static final String LEXICON_JA_PATH = "text.lexicon.ja.path";
    public static final String FINGERPRINT_SLOTS = "text.fingerprint.slots";
    public static final String SENTIMENT_SCORER = "text.sentiment.scorer";
    public static final String MODEL_EN_PATH = "text.sentiment.model.en.path";
    public static final String MODEL_JA_PATH = "text.sentiment.model.ja.path";
    static final String SCORER_MODEL = "model";
    static final String SCORER_LEXICON = "lexicon";

    private static volatile TextAnalysis defaults;

    private final AliasDictionary dictionary;
    private final AliasEntityResolver resolver;
    private final SentimentScorer scorer;
    private final SentimentModel englishModel;
    private final SentimentModel japaneseModel;
    private final MinHashFingerprinter fingerprinter;

    /** With the lexicon scorer. */
    public TextAnalysis(AliasDictionary dictionary, SentimentLexicon english, SentimentLexicon japanese,
                        MinHashFingerprinter fingerprinter) {
        this(dictionary, new LexiconSentimentScorer(dictionary, english, japanese), null, null, fingerprinter);
    }

    /** With the model scorer. */
    public TextAnalysis(AliasDictionary dictionary, SentimentModel english, SentimentModel japanese,
                        MinHashFingerprinter fingerprinter) {
        this(dictionary, new ModelSentimentScorer(dictionary, english, japanese), english, japanese, fingerprinter);
    }

    private TextAnalysis(AliasDictionary dictionary, SentimentScorer scorer, SentimentModel englishModel,
                         SentimentModel japaneseModel, MinHashFingerprinter fingerprinter) {
        this.dictionary = dictionary;
        this.resolver = new AliasEntityResolver(dictionary);
        this.scorer = scorer;
        this.englishModel = englishModel;
        this.japaneseModel = japaneseModel;
        this.fingerprinter = fingerprinter;
    }

    /** The shipped dictionary and lexicons; built on first use and then shared (loading takes a moment). */
    public static TextAnalysis defaults() {
        TextAnalysis instance = defaults;
        if (instance == null) {
            synchronized (TextAnalysis.class) {
                instance = defaults;
                if (instance == null) {
                    instance = fromConfig(Map.of());
                    defaults = instance;
                }
            }
        }
        return instance;
    }

    public static TextAnalysis fromConfig(Properties properties) {
        Map<String, Object> map = new java.util.HashMap<>();
        properties.stringPropertyNames().forEach(k -> map.put(k, properties.getProperty(k)));
        return fromConfig(map);
    }

    /** Reads the keys above from a config map (e.g. the Streams app's properties); other keys are ignored. */
    public static TextAnalysis fromConfig(Map<String, ?> config) {
        String aliases = value(config, ALIASES_PATH);
        String en = value(config, LEXICON_EN_PATH);
        String ja = value(config, LEXICON_JA_PATH);
        String slots = value(config, FINGERPRINT_SLOTS);
        String scorer = value(config, SENTIMENT_SCORER);
        String modelEn = value(config, MODEL_EN_PATH);
        String modelJa = value(config, MODEL_JA_PATH);
        AliasDictionary dictionary = aliases == null
                ? AliasDictionary.defaults() : AliasDictionary.fromFile(Path.of(aliases));
        SentimentLexicon english = en == null
                ? SentimentLexicon.defaults(Language.EN) : SentimentLexicon.fromFile(Path.of(en), Language.EN);
        SentimentLexicon japanese = ja == null
                ? SentimentLexicon.defaults(Language.JA) : SentimentLexicon.fromFile(Path.of(ja), Language.JA);
        MinHashFingerprinter fingerprinter;
        try {
            fingerprinter = slots == null ? new MinHashFingerprinter() : new MinHashFingerprinter(Integer.parseInt(slots));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(FINGERPRINT_SLOTS + " must be an integer: " + slots);
        }
        if (scorer == null || scorer.equals(SCORER_MODEL)) {
            SentimentModel enModel = modelEn == null ? SentimentModel.fromResource(
                    SentimentModel.defaultResource(Language.EN), english) : SentimentModel.fromFile(Path.of(modelEn), english);
            SentimentModel jaModel = modelJa == null ? SentimentModel.fromResource(
                    SentimentModel.defaultResource(Language.JA), japanese) : SentimentModel.fromFile(Path.of(modelJa), japanese);
            return new TextAnalysis(dictionary, enModel, jaModel, fingerprinter);
        }
        if (!scorer.equals(SCORER_LEXICON)) {
            throw new IllegalArgumentException(SENTIMENT_SCORER + " must be " + SCORER_MODEL + " or " + SCORER_LEXICON
                    + ", got '" + scorer + "'");
        }
        return new TextAnalysis(dictionary, english, japanese, fingerprinter);
    }

    private static String value(Map<String, ?> config, String key) {
        Object v = config.get(key);
        return v == null || v.toString().isBlank() ? null : v.toString().strip();
    }

    public AliasDictionary dictionary() {
        return dictionary;
    }

    public EntityResolver entityResolver() {
        return resolver;
    }

    public SentimentScorer sentimentScorer() {
        return scorer;
    }

    /** {@code model} or {@code lexicon}: the scorer {@link #sentimentScorer()} returns. */
    public String scorerName() {
        return englishModel != null ? SCORER_MODEL : SCORER_LEXICON;
    }

    /**
     * The tone of one stand-alone sentence (for evaluation on labelled sentences): the model's most probable
     * class, or with the lexicon scorer the sign of its score (0 is neutral).
     */
    public SentimentLabel classifySentence(String sentence, Language language) {
        if (englishModel != null) {
            return (language == Language.JA ? japaneseModel : englishModel).predict(sentence).label();
        }
        ArticleEvent article = ArticleEvent.newBuilder()
                .setId("sentence").setSource("eval").setTitle("").setBody(sentence)
                .setLanguage(language.name().toLowerCase(Locale.ROOT)).setPublishedAt(Instant.EPOCH)
                .build();
        double score = scorer.score(article, new EntityMention("(sentence)", null, 1.0, 0)).score();
        return score > 0 ? SentimentLabel.POSITIVE : score < 0 ? SentimentLabel.NEGATIVE : SentimentLabel.NEUTRAL;
    }

    /**
     * {@link #classifySentence} with how sure the scorer is and why: the model's probability of its class and its
     * evidence, or the lexicon scorer's confidence and matched terms.
     */
    public SentenceJudgement judgeSentence(String sentence, Language language) {
        if (englishModel != null) {
            return (language == Language.JA ? japaneseModel : englishModel).judge(sentence);
        }
        ArticleEvent article = ArticleEvent.newBuilder()
                .setId("sentence").setSource("eval").setTitle("").setBody(sentence)
                .setLanguage(language.name().toLowerCase(Locale.ROOT)).setPublishedAt(Instant.EPOCH)
                .build();
        SentimentScore s = scorer.score(article, new EntityMention("(sentence)", null, 1.0, 0));
        SentimentLabel label = s.score() > 0 ? SentimentLabel.POSITIVE
                : s.score() < 0 ? SentimentLabel.NEGATIVE : SentimentLabel.NEUTRAL;
        return new SentenceJudgement(label, s.confidence(), s.matchedTerms());
    }

    /** The tone toward one named entity of a text, as a class, with the configured scorer (entity-level eval). */
    public EntityToneClassifier entityTone() {
        return new EntityToneClassifier((EntitySentimentScorer<?>) scorer);
    }

    public TextFingerprinter fingerprinter() {
        return fingerprinter;
    }

    /** Signature of an article's headline and body, the text near-duplicates share. */
    public long[] fingerprint(ArticleEvent article) {
        String title = article.getTitle() == null ? "" : article.getTitle().toString();
        String body = article.getBody() == null ? "" : article.getBody().toString();
        String language = article.getLanguage() == null ? null : article.getLanguage().toString();
        return fingerprinter.fingerprint(title + "\n" + body, language);
    }

    /** Similarity at or above which the topology should treat two articles as near-duplicates. */
    public double nearDuplicateThreshold() {
        return MinHashFingerprinter.NEAR_DUPLICATE_THRESHOLD;
    }
}
