package io.newsflow.text;

import java.util.Set;

/**
 * A rule layer over the Japanese model, with precedence where news text says plainly what happened. The model
 * learns from economic comments and securities reports, where 操業停止 or 格下げ are rare and "発表する" is no
 * sign of neutrality, so on news sentences it hesitates where a reader does not:
 * <ul>
 *   <li>a sentence whose business events all point one way ({@code evt:+} or {@code evt:-} of {@link FinanceCues},
 *       with no change of the other sign) takes that tone: 格付けを引き下げた, 工場を閉鎖し300人を削減する;</li>
 *   <li>a sentence that announces a fact or a schedule ({@code fact}: 発表する, 開催, 予定) and has no event, change or
 *       lexicon tone is neutral (three-class models only): 来月、中間決算を発表する.</li>
 * </ul>
 * A rule does not replace the model's probabilities: it mixes them half and half with certainty in its class,
 * so the rule's class wins and the model's hesitation still shows in the confidence. Figures with and without the
 * layer: docs/quality.md. Stateless.
 */
final class JapaneseNewsRules {

    /** The share of certainty in the rule's class mixed into the model's probabilities. */
    static final double RULE_SHARE = 0.5;

    private JapaneseNewsRules() {
    }

    /** The class the rules give a sentence with these features, or null when they say nothing. */
    static SentimentLabel ruling(Set<String> features, boolean threeClasses) {
        boolean good = features.contains("evt:+");
        boolean bad = features.contains("evt:-");
        if (good != bad) {
            String against = good ? SentimentFeatures.CHANGE_FOR_WORSE : SentimentFeatures.CHANGE_FOR_BETTER;
            if (!features.contains(against)) {
                return good ? SentimentLabel.POSITIVE : SentimentLabel.NEGATIVE;
            }
            return null;
        }
        if (threeClasses && features.contains("fact") && !good && !bad
                && !features.contains(SentimentFeatures.CHANGE_FOR_BETTER)
                && !features.contains(SentimentFeatures.CHANGE_FOR_WORSE)
                && !features.contains("lex:+") && !features.contains("lex:-")) {
            return SentimentLabel.NEUTRAL;
        }
        return null;
    }

    /**
     * The rules speak only where the model hesitates: when it gives one class at least this probability, the
     * sentence says more than the cue (a comment 受注が減少し、イベントも中止で厳しい is sure without the rule), and
     * the economic comments, where 中止 or 延期 are the respondent's and not a company's news, lost 0.8 points of
     * accuracy to the rules before this bound (docs/quality.md). News sentences that only state an event leave the
     * model unsure, so the rules still decide them.
     */
    static final double MODEL_SURE = 0.7;

    /** p mixed with certainty in the ruling class; p itself when there is no ruling or the model is sure. */
    static double[] apply(SentimentLabel ruling, double negative, double neutral, double positive) {
        double keep = 1 - RULE_SHARE;
        double[] p = {keep * negative, keep * neutral, keep * positive};
        if (ruling == null || Math.max(negative, Math.max(neutral, positive)) >= MODEL_SURE) {
            return new double[] {negative, neutral, positive};
        }
        p[ruling.ordinal()] += RULE_SHARE;
        return p;
    }
}
