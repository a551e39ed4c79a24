package io.newsflow.text;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Trains a {@link SentimentModel}: L2-regularised logistic regression (liblinear's {@code L2R_LR}, one-vs-rest
 * for three classes) over the {@link SentimentFeatures} of each sentence, keeping features seen in at least
 * {@link #minCount} sentences. The regularisation strength C is chosen among {@link #C_CANDIDATES} by accuracy on
 * a hash-chosen validation part of the training sentences, then the model is trained on all of them.
 * Deterministic: the vocabulary is sorted and liblinear gets a fixed seed, so the same sentences give the same
 * weights.
 */
public final class SentimentTrainer {

    static final double[] C_CANDIDATES = {0.1, 0.2, 0.4, 0.8, 1.6};
    static final long SEED = 11L;
    /**
     * Feature value of {@code chg:+} / {@code chg:-} in training (others: 1). A larger value is a weaker prior on
     * its weight: a change for the better or worse is the most transferable evidence from headlines to report
     * sentences, so it is allowed to weigh more than any single word. The same holds for the business events and
     * facts of {@link EnglishFinanceCues}. The stored weight is multiplied by it, so
     * the model file still works on presence.
     */
    static final double CHANGE_VALUE = 2.0;
    private static final double EPSILON = 0.001;

    /**
     * Candidates for the Japanese model: with about 100,000 noisy comments the best C lies below the English
     * range (0.1, the smallest English candidate, won on a 48,000-comment trial); with the character n-grams of
     * {@link JapaneseCharacterGrams} (about 327,000 features) 0.025 won on the scratch harness, against 0.05 and 0.1.
     */
    public static final double[] C_CANDIDATES_JA = {0.0125, 0.025, 0.05};

    private final int minCount;
    private final double[] cCandidates;

    public SentimentTrainer(int minCount) {
        this(minCount, C_CANDIDATES);
    }

    public SentimentTrainer(int minCount, double[] cCandidates) {
        this.minCount = minCount;
        this.cCandidates = cCandidates.clone();
    }

    /** The trained model and the regularisation it was trained with. */
    public record Result(SentimentModel model, double c, double validationAccuracy) {
    }

    public Result train(List<LabelledSentence> sentences, SentimentLexicon lexicon) {
        SentimentFeatures extractor = new SentimentFeatures(lexicon);
        List<Set<String>> features = new ArrayList<>(sentences.size());
        for (LabelledSentence s : sentences) {
            features.add(Set.copyOf(extractor.ofSentence(s.text())));
        }
        List<Integer> fit = new ArrayList<>();
        List<Integer> check = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            (SentimentDatasets.validation(sentences.get(i).text()) ? check : fit).add(i);
        }
        double bestC = cCandidates[0];
        double bestAccuracy = -1;
        if (!check.isEmpty() && !fit.isEmpty()) {
            for (double c : cCandidates) {
                SentimentModel candidate = fit(sentences, features, fit, c, lexicon);
                int correct = 0;
                for (int i : check) {
                    if (candidate.predict(sentences.get(i).text()).label() == sentences.get(i).label()) {
                        correct++;
                    }
                }
                double accuracy = (double) correct / check.size();
                if (accuracy > bestAccuracy) {
                    bestAccuracy = accuracy;
                    bestC = c;
                }
            }
        }
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            all.add(i);
        }
        return new Result(fit(sentences, features, all, bestC, lexicon), bestC, bestAccuracy);
    }

    private SentimentModel fit(List<LabelledSentence> sentences, List<Set<String>> features, List<Integer> rows,
                               double c, SentimentLexicon lexicon) {
        Map<String, Integer> counts = new HashMap<>();
        for (int i : rows) {
            features.get(i).forEach(f -> counts.merge(f, 1, Integer::sum));
        }
        TreeMap<String, Integer> index = new TreeMap<>();
        for (String f : new TreeSet<>(counts.keySet())) {
            if (counts.get(f) >= minCount) {
                index.put(f, index.size() + 1);
            }
        }
        List<String> names = new ArrayList<>(index.keySet());
        TreeSet<SentimentLabel> labels = new TreeSet<>();
        rows.forEach(i -> labels.add(sentences.get(i).label()));
        if (labels.size() < 2) {
            throw new IllegalArgumentException("training needs sentences of at least two labels, got " + labels);
        }
        Problem problem = new Problem();
        problem.l = rows.size();
        problem.n = index.size() + 1;
        problem.bias = 1;
        problem.x = new Feature[rows.size()][];
        problem.y = new double[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            int i = rows.get(r);
            int[] ids = features.get(i).stream().map(index::get).filter(id -> id != null).mapToInt(Integer::intValue)
                    .sorted().toArray();
            Feature[] x = new Feature[ids.length + 1];
            for (int k = 0; k < ids.length; k++) {
                x[k] = new FeatureNode(ids[k], value(names.get(ids[k] - 1)));
            }
            x[ids.length] = new FeatureNode(problem.n, 1.0);
            problem.x[r] = x;
            problem.y[r] = sentences.get(i).label().ordinal();
        }
        Parameter parameter = new Parameter(SolverType.L2R_LR, c, EPSILON);
        parameter.setRandom(new Random(SEED));
        Linear.disableDebugOutput();
        Model model = Linear.train(problem, parameter);
        return toSentimentModel(model, names, List.copyOf(labels), lexicon);
    }

    private static double value(String feature) {
        return feature.equals(SentimentFeatures.CHANGE_FOR_BETTER) || feature.equals(SentimentFeatures.CHANGE_FOR_WORSE)
                || SentimentFeatures.POOLED_EVENTS.contains(feature)
                || EnglishFinanceCues.FEATURES.contains(feature) ? CHANGE_VALUE : 1.0;
    }

    /** liblinear's weight layout (feature-major, one column per one-vs-rest class) into our per-feature rows. */
    private static SentimentModel toSentimentModel(Model model, List<String> names, List<SentimentLabel> classes,
                                                   SentimentLexicon lexicon) {
        double[] w = model.getFeatureWeights();
        int[] modelLabels = model.getLabels();
        int nrW = classes.size() == 2 ? 1 : classes.size();
        int nFeatures = names.size() + 1; // + bias
        Map<String, double[]> weights = new HashMap<>();
        double[] bias = new double[classes.size()];
        for (int j = 0; j < nFeatures; j++) {
            double[] row = new double[classes.size()];
            double scale = j == names.size() ? 1.0 : value(names.get(j));
            for (int k = 0; k < nrW; k++) {
                double value = w[j * nrW + k] * scale;
                if (nrW == 1) { // binary: one vector for modelLabels[0]; the other class gets its negation
                    row[classes.indexOf(SentimentLabel.values()[modelLabels[0]])] = value;
                    row[classes.indexOf(SentimentLabel.values()[modelLabels[1]])] = -value;
                } else {
                    row[classes.indexOf(SentimentLabel.values()[modelLabels[k]])] = value;
                }
            }
            if (j == names.size()) {
                bias = row;
            } else if (Arrays.stream(row).anyMatch(v -> Math.abs(v) >= 1e-5)) {
                weights.put(names.get(j), row);
            }
        }
        return new SentimentModel(lexicon.language(), classes, bias, weights, lexicon);
    }
}
