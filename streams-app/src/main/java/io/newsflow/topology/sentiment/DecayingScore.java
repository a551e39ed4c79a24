package io.newsflow.topology.sentiment;

/**
 * A ticker's exponentially decayed sentiment: every article adds its weighted sentiment, which
 * then halves every half-life, {@code score(t) = sum_i w_i s_i 2^(-(t - t_i) / h)}, so that the score
 * fades between articles instead of holding until a window slides past it. {@code weight} decays
 * alike ({@code sum_i w_i 2^(-(t - t_i) / h)}): {@code score / weight} is the decayed mean, which
 * says what the recent news said, while {@code score} also says how much of it there was lately.
 *
 * @param score      decayed sum of weighted sentiments as of {@code asOf}
 * @param weight     decayed sum of the weights as of {@code asOf}
 * @param asOf       event time the sums are decayed to
 * @param lastArticleAt publication time of the newest article added
 */
public record DecayingScore(double score, double weight, long asOf, long lastArticleAt) {

    public static DecayingScore none(long time) {
        return new DecayingScore(0, 0, time, time);
    }

    /** The sums decayed forward to {@code time} (a time before {@code asOf} leaves them as they are). */
    public DecayingScore at(long time, long halfLifeMs) {
        if (time <= asOf) {
            return this;
        }
        double factor = factor(time - asOf, halfLifeMs);
        return new DecayingScore(score * factor, weight * factor, time, lastArticleAt);
    }

    /**
     * An article published at {@code time} added: a late one (before {@code asOf}) is added as
     * decayed from its publication to {@code asOf}.
     */
    public DecayingScore add(long time, double sentiment, double articleWeight, long halfLifeMs) {
        DecayingScore now = at(time, halfLifeMs);
        double factor = factor(now.asOf - time, halfLifeMs);
        return new DecayingScore(now.score + articleWeight * sentiment * factor, now.weight + articleWeight * factor,
                now.asOf, Math.max(lastArticleAt, time));
    }

    /** {@code score / weight}; 0 without weight. */
    public double mean() {
        return weight > 0 ? score / weight : 0.0;
    }

    private static double factor(long elapsedMs, long halfLifeMs) {
        return Math.pow(2.0, -(double) elapsedMs / halfLifeMs);
    }
}
