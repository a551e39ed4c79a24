package io.newsflow.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Sentiment toward one entity from a learned {@link SentimentModel}: every sentence of the article is classified
 * (a sentence naming the entity and another one is split into clauses, so "A rose while B fell" gives each its
 * own tone), weighted by {@link EntityPlacement} (1.0 in the entity's clause down to 0.15 about another entity,
 * ×1.5 in the headline) and aggregated:
 * <ul>
 *   <li><b>score</b> = Σ w·(P(pos) − P(neg)) / (Σ w·(1 − P(neu)) + {@value #PRIOR}): which way the polar evidence
 *       leans, in (-1, 1); neutral sentences neither pull nor dilute it, and the prior keeps one hesitant
 *       sentence from giving a strong score while several agreeing sentences approach ±1.</li>
 *   <li><b>confidence</b> = |Σ w·(P(pos) − P(neg))| / Σ w: the probability margin of the entity's text as a
 *       whole, in [0, 1]: high when most of what concerns the entity leans the same way, low when it is mostly
 *       neutral or mixed; halved when the entity is not named in the text (tags only).</li>
 *   <li><b>explanation</b>: the features that contributed most (signed: weight × polarity of the feature), then
 *       the sentence that pulled most toward the score, at most {@value #MAX_EXPLANATIONS} entries of at most
 *       {@value #MAX_EXPLANATION_CHARS} chars, e.g. {@code +1.32 dir:good up}, {@code -0.61 "Costs rose..."}.</li>
 * </ul>
 * Thread-safe; each thread caches the clause predictions of its last article, which the topology scores once per
 * entity.
 */
public final class ModelSentimentScorer extends EntitySentimentScorer<SentimentModel> {

    static final double PRIOR = 0.5;
    static final double UNNAMED_CONFIDENCE = 0.5;
    static final int MAX_EXPLANATIONS = 6;
    static final int MAX_EXPLANATION_CHARS = 120;
    private static final int MAX_FEATURES = MAX_EXPLANATIONS - 1;

    private final ThreadLocal<Cache> cache = ThreadLocal.withInitial(Cache::new);

    public ModelSentimentScorer(AliasDictionary dictionary, SentimentModel english, SentimentModel japanese) {
        super(dictionary, english, japanese);
        if (english.language() != Language.EN || japanese.language() != Language.JA) {
            throw new IllegalArgumentException("the English model must be an en model and the Japanese one a ja model");
        }
    }

    @Override
    SentimentScore score(ArticleText text, SentimentModel model, EntityPlacement placement) {
        Cache predictions = cache.get().of(text, model);
        List<Token> tokens = text.tokens();
        Aggregate aggregate = new Aggregate(model);
        placement.forEachSentence(text, sentence -> {
            int from = sentence.from();
            int to = sentence.to();
            SentimentLexicon lexicon = model.features().lexicon();
            int[] clauseOf = EntityPlacement.clauses(lexicon.language(), tokens, from, to,
                    EntityPlacement.hitsByToken(lexicon.find(tokens, from, to), from, to));
            EntityPlacement.Roles roles = placement.roles(tokens, sentence, clauseOf);
            if (!roles.mixed()) {
                aggregate.add(text, from, to, predictions.get(text, tokens, from, to), roles.weight(0) * sentence.boost());
                return;
            }
            int start = from;
            for (int t = from + 1; t <= to; t++) {
                if (t == to || clauseOf[t - from] != clauseOf[start - from]) {
                    aggregate.add(text, start, t, predictions.get(text, tokens, start, t),
                            roles.weight(clauseOf[start - from]) * sentence.boost());
                    start = t;
                }
            }
        });
        return aggregate.result(placement.named() ? 1.0 : UNNAMED_CONFIDENCE);
    }

    /** Weighted sums over the scored sentences and clauses, and what they are explained by. */
    private static final class Aggregate {
        private final SentimentModel model;
        private final Map<String, Double> contributions = new HashMap<>();
        private double polarity;
        private double polarMass;
        private double weights;
        private double bestPull;
        private String bestExcerpt;

        Aggregate(SentimentModel model) {
            this.model = model;
        }

        void add(ArticleText text, int from, int to, SentimentModel.Prediction p, double weight) {
            List<Token> tokens = text.tokens();
            double d = p.polarity();
            polarity += weight * d;
            polarMass += weight * (1 - p.neutral());
            weights += weight;
            double polar = 1 - p.neutral();
            for (String f : p.features()) {
                contributions.merge(f, weight * polar * model.polarity(f), Double::sum);
            }
            if (Math.abs(weight * d) > Math.abs(bestPull)) {
                bestPull = weight * d;
                bestExcerpt = text.text.substring(tokens.get(from).start(), tokens.get(to - 1).end());
            }
        }

        SentimentScore result(double confidenceFactor) {
            if (weights == 0) {
                return SentimentScore.none();
            }
            double score = polarity / (polarMass + PRIOR);
            double confidence = Math.min(1, Math.abs(polarity) / weights) * confidenceFactor;
            return new SentimentScore(score, confidence, explanation(score));
        }

        private List<String> explanation(double score) {
            List<String> lines = new ArrayList<>();
            contributions.entrySet().stream()
                    .filter(e -> Math.abs(e.getValue()) >= 0.005)
                    .sorted(Map.Entry.<String, Double>comparingByValue(
                            (a, b) -> Double.compare(Math.abs(b), Math.abs(a))).thenComparing(Map.Entry.comparingByKey()))
                    .limit(MAX_FEATURES)
                    .forEach(e -> lines.add(bounded(signed(e.getValue()) + " " + e.getKey())));
            if (bestExcerpt != null && score != 0 && Math.signum(bestPull) == Math.signum(score)) {
                lines.add(bounded(signed(bestPull) + " \"" + bestExcerpt.replaceAll("\\s+", " ") + "\""));
            }
            return lines;
        }

        private static String signed(double value) {
            return String.format(Locale.ROOT, "%+.2f", value);
        }

        private static String bounded(String line) {
            return line.length() <= MAX_EXPLANATION_CHARS ? line : line.substring(0, MAX_EXPLANATION_CHARS - 3) + "...";
        }
    }

    /** The predictions of the last article's clauses on this thread. */
    private static final class Cache {
        private ArticleText text;
        private SentimentModel model;
        private final Map<Long, SentimentModel.Prediction> byRange = new HashMap<>();

        Cache of(ArticleText articleText, SentimentModel forModel) {
            if (text != articleText || model != forModel) {
                text = articleText;
                model = forModel;
                byRange.clear();
            }
            return this;
        }

        SentimentModel.Prediction get(ArticleText articleText, List<Token> tokens, int from, int to) {
            return byRange.computeIfAbsent(((long) from << 32) | to,
                    k -> model.predict(articleText.text, tokens, from, to));
        }
    }
}
