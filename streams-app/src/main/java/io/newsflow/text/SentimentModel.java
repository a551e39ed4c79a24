package io.newsflow.text;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A linear sentence-sentiment model (one-vs-rest logistic regression over {@link SentimentFeatures}) for one
 * language, in a readable tab-separated UTF-8 file, one feature per line with one weight per class:
 *
 * <pre>
 * # comments
 * &#64;format    newsflow-sentiment-model    1
 * &#64;language  en
 * &#64;classes   negative    neutral    positive
 * &#64;bias      -1.20    0.35    -0.90
 * dir:bad up    0.81    -0.40    -0.52
 * sale rose     -0.20   -0.31     0.64
 * </pre>
 *
 * A two-class model (negative, positive) never predicts neutral. Class probabilities: each class's logit is its
 * bias plus the weights of the features present, squashed by the logistic function and normalised over the
 * classes (as liblinear does for one-vs-rest). A malformed file fails loading with its line. Immutable and
 * thread-safe.
 */
public final class SentimentModel {

    private static final SentenceSplitter SPLITTER = new SentenceSplitter();


    static final String FORMAT = "newsflow-sentiment-model";
    static final int VERSION = 1;

    private final Language language;
    private final List<SentimentLabel> classes;
    private final double[] bias;
    private final Map<String, double[]> weights;
    /** The weights of the character n-gram features, by their characters (see {@link ScoringFeatures}). */
    private final CharacterGramWeights gramWeights;
    /** The columns of the positive and negative weights. */
    private final int positive;
    private final int negative;
    private final SentimentFeatures features;
    /** Whether {@link JapaneseNewsRules} have precedence over the weights (Japanese models). */
    private final boolean newsRules;

    SentimentModel(Language language, List<SentimentLabel> classes, double[] bias, Map<String, double[]> weights,
                   SentimentLexicon lexicon) {
        if (lexicon.language() != language) {
            throw new IllegalArgumentException("a " + language + " model needs a " + language + " lexicon");
        }
        this.language = language;
        this.classes = List.copyOf(classes);
        this.bias = bias.clone();
        this.weights = Collections.unmodifiableMap(new HashMap<>(weights));
        this.gramWeights = new CharacterGramWeights(this.weights);
        this.positive = this.classes.indexOf(SentimentLabel.POSITIVE);
        this.negative = this.classes.indexOf(SentimentLabel.NEGATIVE);
        this.features = new SentimentFeatures(lexicon);
        this.newsRules = language == Language.JA;
    }

    private SentimentModel(SentimentModel model, boolean newsRules) {
        this.language = model.language;
        this.classes = model.classes;
        this.bias = model.bias;
        this.weights = model.weights;
        this.gramWeights = model.gramWeights;
        this.positive = model.positive;
        this.negative = model.negative;
        this.features = model.features;
        this.newsRules = newsRules;
    }

    /** The same weights without the rule layer, to measure what the layer does. */
    SentimentModel withoutNewsRules() {
        return new SentimentModel(this, false);
    }

    /** The shipped model of a language, with the shipped lexicon it was trained with. */
    public static SentimentModel defaults(Language language) {
        return fromResource(defaultResource(language), SentimentLexicon.defaults(language));
    }

    public static String defaultResource(Language language) {
        return "text/sentiment-model-" + language.name().toLowerCase(Locale.ROOT) + "-v" + VERSION + ".tsv";
    }

    public static SentimentModel fromResource(String resource, SentimentLexicon lexicon) {
        return parse(TsvFile.openResource(resource, "sentiment model"), resource, lexicon);
    }

    public static SentimentModel fromFile(Path path, SentimentLexicon lexicon) {
        return parse(TsvFile.open(path), path.toString(), lexicon);
    }

    /** Parses the format in the class comment; anything malformed fails with its line. */
    public static SentimentModel parse(Reader reader, String sourceName, SentimentLexicon lexicon) {
        Map<String, String[]> header = new HashMap<>();
        Map<String, double[]> weights = new HashMap<>();
        int[] width = {-1};
        TsvFile.read(reader, sourceName, (line, location) -> {
            String[] columns = line.split("\t");
            if (columns[0].startsWith("@")) {
                if (header.put(columns[0], columns) != null) {
                    throw new IllegalArgumentException(location + ": " + columns[0] + " given twice");
                }
                if (columns[0].equals("@classes")) {
                    width[0] = columns.length - 1;
                } else if (columns[0].equals("@bias")) {
                    weights.put("@bias", numbers(columns, width[0], location));
                }
                return;
            }
            if (width[0] < 0) {
                throw new IllegalArgumentException(location + ": feature before the @classes line");
            }
            if (weights.put(columns[0], numbers(columns, width[0], location)) != null) {
                throw new IllegalArgumentException(location + ": feature listed twice: " + columns[0]);
            }
        });
        String[] format = header.get("@format");
        if (format == null || format.length != 3 || !format[1].equals(FORMAT)) {
            throw new IllegalArgumentException(sourceName + ": not a sentiment model (expected a first line '@format<TAB>"
                    + FORMAT + "<TAB>" + VERSION + "')");
        }
        if (!format[2].equals(String.valueOf(VERSION))) {
            throw new IllegalArgumentException(sourceName + ": model format version " + format[2]
                    + " is not supported (this build reads version " + VERSION + ")");
        }
        Language language = languageOf(header.get("@language"), sourceName);
        List<SentimentLabel> classes = classesOf(header.get("@classes"), sourceName);
        double[] bias = weights.remove("@bias");
        if (bias == null) {
            throw new IllegalArgumentException(sourceName + ": missing the @bias line");
        }
        return new SentimentModel(language, classes, bias, weights, lexicon);
    }

    private static double[] numbers(String[] columns, int width, String location) {
        if (width < 0) {
            throw new IllegalArgumentException(location + ": " + columns[0] + " before the @classes line");
        }
        if (columns.length != width + 1) {
            throw new IllegalArgumentException(location + ": expected " + width + " weights after '" + columns[0]
                    + "', got " + (columns.length - 1));
        }
        double[] values = new double[width];
        for (int c = 0; c < width; c++) {
            try {
                values[c] = Double.parseDouble(columns[c + 1]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(location + ": weight is not a number: " + columns[c + 1]);
            }
            if (!Double.isFinite(values[c])) {
                throw new IllegalArgumentException(location + ": weight is not finite: " + columns[c + 1]);
            }
        }
        return values;
    }

    private static Language languageOf(String[] line, String sourceName) {
        if (line == null || line.length != 2 || !(line[1].equals("en") || line[1].equals("ja"))) {
            throw new IllegalArgumentException(sourceName + ": needs a line '@language<TAB>en' or '@language<TAB>ja'");
        }
        return line[1].equals("ja") ? Language.JA : Language.EN;
    }

    private static List<SentimentLabel> classesOf(String[] line, String sourceName) {
        if (line == null) {
            throw new IllegalArgumentException(sourceName + ": missing the @classes line");
        }
        List<SentimentLabel> classes = new ArrayList<>();
        for (int c = 1; c < line.length; c++) {
            SentimentLabel label;
            try {
                label = SentimentLabel.parse(line[c]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(sourceName + ": @classes: " + e.getMessage());
            }
            if (classes.contains(label)) {
                throw new IllegalArgumentException(sourceName + ": @classes lists " + line[c] + " twice");
            }
            classes.add(label);
        }
        if (classes.size() < 2 || !classes.contains(SentimentLabel.NEGATIVE) || !classes.contains(SentimentLabel.POSITIVE)) {
            throw new IllegalArgumentException(sourceName + ": @classes must list negative and positive (and may list neutral)");
        }
        return classes;
    }

    public Language language() {
        return language;
    }

    public List<SentimentLabel> classes() {
        return classes;
    }

    /** Number of features with weights. */
    public int size() {
        return weights.size();
    }

    SentimentFeatures features() {
        return features;
    }

    /**
     * The tone of one stand-alone sentence (NFKC-normalised and tokenized here). Given a text of several English
     * sentences (a paragraph), the precedence layer does not apply: it decides a sentence the model calls neutral
     * by the one event or change in it, and a paragraph holds several, of which one need not be its tone.
     */
    public Prediction predict(String sentence) {
        String normalized = ArticleText.normalize(sentence);
        List<Token> tokens = features.tokenize(normalized);
        return predictStandAlone(normalized, tokens);
    }

    private Prediction predictStandAlone(String normalized, List<Token> tokens) {
        boolean paragraph = language == Language.EN
                && SPLITTER.split(normalized, 0, normalized.length(), language).size() > 1;
        return predict(normalized, tokens, 0, tokens.size(), !paragraph);
    }

    /** The tone of tokens[from, to) of text. */
    Prediction predict(String text, List<Token> tokens, int from, int to) {
        return predict(text, tokens, from, to, true);
    }

    private Prediction predict(String text, List<Token> tokens, int from, int to, boolean precedence) {
        ScoringFeatures present = features.located(text, tokens, from, to, new ScoringFeatures(weights, gramWeights));
        double[] logits = bias.clone();
        List<String> known = new ArrayList<>();
        List<CharRange> ranges = new ArrayList<>();
        for (ScoringFeatures.Known f : present.known()) {
            double[] w = f.weights();
            known.add(f.name());
            ranges.add(f.range());
            for (int c = 0; c < w.length; c++) {
                logits[c] += w[c];
            }
        }
        EnumMap<SentimentLabel, Double> p = new EnumMap<>(SentimentLabel.class);
        double sum = 0;
        for (int c = 0; c < logits.length; c++) {
            double s = 1 / (1 + Math.exp(-logits[c]));
            p.put(classes.get(c), s);
            sum += s;
        }
        for (SentimentLabel label : SentimentLabel.values()) {
            p.put(label, p.getOrDefault(label, 0.0) / sum);
        }
        if (newsRules) { // the Japanese model's own precedence layer
            double[] ruled = JapaneseNewsRules.apply(
                    JapaneseNewsRules.ruling(present, tokens, from, to, classes.size() == 3),
                    p.get(SentimentLabel.NEGATIVE), p.get(SentimentLabel.NEUTRAL), p.get(SentimentLabel.POSITIVE));
            return new Prediction(ruled[0], ruled[1], ruled[2], List.copyOf(known), List.copyOf(ranges));
        }
        if (precedence) {
            EventPrecedence.apply(present.keySet(), p);
        }
        return new Prediction(p.get(SentimentLabel.NEGATIVE), p.get(SentimentLabel.NEUTRAL),
                p.get(SentimentLabel.POSITIVE), List.copyOf(known), List.copyOf(ranges));
    }

    /**
     * The words of one stand-alone sentence that decided its tone, strongest first (see {@link EvidenceSpans}):
     * what an error report or a reader can check against the sentence.
     */
    public List<EvidenceSpan> explain(String sentence) {
        String normalized = ArticleText.normalize(sentence);
        List<Token> tokens = features.tokenize(normalized);
        Prediction p = predictStandAlone(normalized, tokens);
        EvidenceSpans evidence = new EvidenceSpans(normalized, tokens);
        addEvidence(p, 1.0, evidence);
        return evidence.top();
    }

    /**
     * Adds what each feature of a prediction pushed toward its polarity, at the words it came from: weight ×
     * P(polar) × (positive minus negative weight of the feature).
     */
    void addEvidence(Prediction p, double weight, EvidenceSpans evidence) {
        double polar = 1 - p.neutral();
        for (int i = 0; i < p.features().size(); i++) {
            evidence.add(p.ranges().get(i), weight * polar * polarity(p.features().get(i)));
        }
    }

    /**
     * A stand-alone sentence's class, the probability of that class, and the words that decided it (as
     * {@link #explain}, each written {@code +0.64 操業を停止}), those worked out when first asked for.
     */
    public SentenceJudgement judge(String sentence) {
        String normalized = ArticleText.normalize(sentence);
        List<Token> tokens = features.tokenize(normalized);
        Prediction p = predictStandAlone(normalized, tokens);
        SentimentLabel label = p.label();
        double confidence = label == SentimentLabel.NEGATIVE ? p.negative()
                : label == SentimentLabel.POSITIVE ? p.positive() : p.neutral();
        return SentenceJudgement.lazy(label, confidence, () -> {
            EvidenceSpans evidence = new EvidenceSpans(normalized, tokens);
            addEvidence(p, 1.0, evidence);
            return evidence.top().stream().map(EvidenceSpan::toString).toList();
        });
    }

    /** How much a feature pushes toward positive (+) or negative (-): its positive minus its negative weight. */
    double polarity(String feature) {
        double[] w = weights.get(feature);
        if (w == null) {
            return 0;
        }
        return w[positive] - w[negative];
    }

    /**
     * A sentence's class probabilities and the model's features found in it, each with the character range of the
     * predicted text it came from ({@code ranges}, parallel to {@code features}).
     */
    public record Prediction(double negative, double neutral, double positive, List<String> features,
                             List<CharRange> ranges) {

        public Prediction {
            if (features.size() != ranges.size()) {
                throw new IllegalArgumentException("one range per feature");
            }
        }

        /** P(positive) - P(negative), in [-1, 1]. */
        public double polarity() {
            return positive - negative;
        }

        /** The most probable class; ties go to neutral, then negative. */
        public SentimentLabel label() {
            if (neutral >= negative && neutral >= positive) {
                return SentimentLabel.NEUTRAL;
            }
            return positive > negative ? SentimentLabel.POSITIVE : SentimentLabel.NEGATIVE;
        }
    }

    /** Writes the model in the format of the class comment, features sorted, so that files diff well. */
    public void write(Appendable out, List<String> comments) {
        try {
            for (String comment : comments) {
                out.append("# ").append(comment).append('\n');
            }
            out.append("@format\t").append(FORMAT).append('\t').append(String.valueOf(VERSION)).append('\n');
            out.append("@language\t").append(language.name().toLowerCase(Locale.ROOT)).append('\n');
            out.append("@classes");
            for (SentimentLabel label : classes) {
                out.append('\t').append(label.code());
            }
            out.append('\n');
            appendRow(out, "@bias", bias);
            for (Map.Entry<String, double[]> e : new TreeMap<>(weights).entrySet()) {
                appendRow(out, e.getKey(), e.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void appendRow(Appendable out, String name, double[] values) throws IOException {
        out.append(name);
        for (double v : values) {
            out.append('\t').append(String.format(Locale.ROOT, "%.5f", v));
        }
        out.append('\n');
    }
}
