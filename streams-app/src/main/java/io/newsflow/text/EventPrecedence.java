package io.newsflow.text;

import java.util.EnumMap;
import java.util.Set;

/**
 * A rule layer with precedence over the model:
 * <ol>
 *   <li>a clear change of one sign ({@code chg:clear+}: "swung to a profit of 1.2 from a loss of 2.5", "the net
 *       loss narrowed"; {@code chg:clear-}) decides the sentence whatever the model says, unless an event of the
 *       other sign is in it: the words "a loss", "loss of" carry strong learned weights that outvote the change;</li>
 *   <li>a plain fact ({@code fact} and no event, change, direction or lexicon tone: "the backlog stood at EUR 410
 *       mn", "will publish its report on") is neutral even when the model calls it polar;</li>
 * </ol>
 * and, for sentences (and clauses) the model would call neutral:
 * <ol>
 *   <li>a business event of one sign ({@code evt:+}: a contract won, a plant opened; {@code evt:-}: job cuts, a
 *       recall, a probe; see {@link EnglishFinanceCues}) decides the sentence;</li>
 *   <li>else a change of one sign ({@code chg:+}: "operating profit rose to A from B", "the net loss narrowed";
 *       {@code chg:-}) decides it when the model's second choice is that sign too (the model's words do not
 *       contradict it), or when it is a change of the company's own figures ({@code chg:metric}: sales, margin,
 *       costs; not a share price or a market, where market news often reports changes as neutral).</li>
 * </ol>
 * Press text reports these as news for the company, while the training data (mostly tweets, neutral 66 %) often
 * labels them neutral, so the learned weights alone leave "EBITDA decreased to EUR 22 mn" neutral. The decided
 * class and the model's class swap probabilities: the sentence gets its tone with the confidence the model had in
 * its own class. Signs that disagree leave the sentence as it is. The features are language-independent names,
 * so a Japanese cue layer emitting them gets the same rule. Measured in docs/quality.md.
 */
final class EventPrecedence {

    private EventPrecedence() {
    }

    static void apply(Set<String> features, EnumMap<SentimentLabel, Double> p) {
        SentimentLabel clear = byClearChange(features);
        if (clear != null) {
            decide(clear, p);
            return;
        }
        double neutral = p.get(SentimentLabel.NEUTRAL);
        if (neutral < p.get(SentimentLabel.NEGATIVE) || neutral < p.get(SentimentLabel.POSITIVE)) {
            if (plainFact(features)) {
                decide(SentimentLabel.NEUTRAL, p);
            }
            SentimentLabel change = uncontradictedMetricChange(features);
            if (change != null) {
                decide(change, p);
            }
            return;
        }
        SentimentLabel decided = byEvent(features);
        if (decided == null) {
            decided = byChange(features, p);
        }
        if (decided != null) {
            p.put(SentimentLabel.NEUTRAL, p.get(decided));
            p.put(decided, neutral);
        }
    }

    /**
     * The sign of a clear change (a change of sign between a loss and a profit, a loss that narrowed or widened),
     * if it has one and no event of the other sign contradicts it.
     */
    private static SentimentLabel byClearChange(Set<String> features) {
        SentimentLabel clear = sign(features.contains(EnglishFinanceCues.CLEAR_BETTER),
                features.contains(EnglishFinanceCues.CLEAR_WORSE));
        if (clear == null || byEvent(features) == (clear == SentimentLabel.POSITIVE ? SentimentLabel.NEGATIVE
                : SentimentLabel.POSITIVE)) {
            return null;
        }
        return clear;
    }

    /** The decided class takes the probability of the model's class, and the model's class the decided one's. */
    private static void decide(SentimentLabel decided, EnumMap<SentimentLabel, Double> p) {
        SentimentLabel top = decided;
        for (SentimentLabel label : SentimentLabel.values()) {
            if (p.get(label) > p.get(top)) {
                top = label;
            }
        }
        double was = p.get(decided);
        p.put(decided, p.get(top));
        p.put(top, was);
    }

    /** A fact or schedule and nothing that says good or bad: no event, change or lexicon tone. */
    private static boolean plainFact(Set<String> features) {
        return features.contains(EnglishFinanceCues.FACT) && !features.contains(EnglishFinanceCues.GOOD_EVENT)
                && !features.contains(EnglishFinanceCues.BAD_EVENT)
                && !features.contains(SentimentFeatures.CHANGE_FOR_BETTER)
                && !features.contains(SentimentFeatures.CHANGE_FOR_WORSE) && !features.contains("dir:up")
                && !features.contains("dir:down") && !features.contains("lex:+") && !features.contains("lex:-");
    }

    /**
     * The sign of a change of the company's own figures ({@code chg:metric}: "costs fell by 9 %") when nothing else
     * in the sentence is polar: no event, no change, direction or lexicon tone of the other sign. The model's
     * other words ("as the restructuring programme took effect") then do not outvote it.
     */
    private static SentimentLabel uncontradictedMetricChange(Set<String> features) {
        if (!features.contains(SentimentFeatures.METRIC_CHANGE)) {
            return null;
        }
        SentimentLabel change = sign(features.contains(SentimentFeatures.CHANGE_FOR_BETTER),
                features.contains(SentimentFeatures.CHANGE_FOR_WORSE));
        if (change == null || features.contains(EnglishFinanceCues.GOOD_EVENT)
                || features.contains(EnglishFinanceCues.BAD_EVENT)) {
            return null;
        }
        boolean good = change == SentimentLabel.POSITIVE;
        return features.contains(good ? "dir:down" : "dir:up") || features.contains(good ? "lex:-" : "lex:+")
                ? null : change;
    }

    /** The sign of the events, if they have one. */
    private static SentimentLabel byEvent(Set<String> features) {
        return sign(features.contains(EnglishFinanceCues.GOOD_EVENT), features.contains(EnglishFinanceCues.BAD_EVENT));
    }

    /** The sign of the changes, if they have one and the model's second choice agrees. */
    private static SentimentLabel byChange(Set<String> features, EnumMap<SentimentLabel, Double> p) {
        SentimentLabel change = sign(features.contains(SentimentFeatures.CHANGE_FOR_BETTER),
                features.contains(SentimentFeatures.CHANGE_FOR_WORSE));
        SentimentLabel other = change == SentimentLabel.POSITIVE ? SentimentLabel.NEGATIVE : SentimentLabel.POSITIVE;
        return change != null && (p.get(change) > p.get(other) || features.contains(SentimentFeatures.METRIC_CHANGE))
                ? change : null;
    }

    private static SentimentLabel sign(boolean good, boolean bad) {
        return good == bad ? null : good ? SentimentLabel.POSITIVE : SentimentLabel.NEGATIVE;
    }
}
