package io.newsflow.text;

import java.util.HashMap;
import java.util.List;
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
 *   <li><b>evidence</b>: the words of the text whose features contributed most (signed: place weight × P(polar)
 *       × polarity of the feature), joined into spans by {@link EvidenceSpans}: at most
 *       {@value EvidenceSpans#MAX_SPANS} spans of at most {@value EvidenceSpans#MAX_CHARS} chars, e.g.
 *       {@code +0.81 operating profit rose}, {@code -0.64 costs soared}.</li>
 * </ul>
 * Thread-safe; each thread caches the clause predictions of its last article, which the topology scores once per
 * entity.
 */
public final class ModelSentimentScorer extends EntitySentimentScorer<SentimentModel> {

    static final double PRIOR = 0.5;
    static final double UNNAMED_CONFIDENCE = 0.5;

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
            clauseOf = EntityPlacement.withListClauses(tokens, sentence, clauseOf);
            roles = placement.roles(tokens, sentence, clauseOf);
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

    /** Weighted sums over the scored sentences and clauses, and the words they are explained by. */
    private static final class Aggregate {
        private final SentimentModel model;
        private EvidenceSpans evidence;
        private double polarity;
        private double polarMass;
        private double weights;

        Aggregate(SentimentModel model) {
            this.model = model;
        }

        void add(ArticleText text, int from, int to, SentimentModel.Prediction p, double weight) {
            if (evidence == null) {
                evidence = new EvidenceSpans(text.text, text.tokens());
            }
            polarity += weight * p.polarity();
            polarMass += weight * (1 - p.neutral());
            weights += weight;
            model.addEvidence(p, weight, evidence);
        }

        SentimentScore result(double confidenceFactor) {
            if (weights == 0) {
                return SentimentScore.none();
            }
            double score = polarity / (polarMass + PRIOR);
            double confidence = Math.min(1, Math.abs(polarity) / weights) * confidenceFactor;
            return SentimentScore.withEvidence(score, confidence, evidence.top());
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
