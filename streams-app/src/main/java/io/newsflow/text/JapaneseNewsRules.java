package io.newsflow.text;

import java.util.List;
import java.util.Map;
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
 * <p>
 * With the sentence's tokens ({@link #ruling(Map, List, int, int, boolean)}, docs/quality.md, fifth round), the rules
 * also read, in one sentence (a text of several, such as an economic comment, has no one main clause to read), what
 * {@link JapaneseNewsReading} finds: a loss that narrowed or widened, a turn to profit or loss and a deficit gone
 * decide whatever the model says (a {@linkplain Ruling#clear() clear} ruling), unless an event or a change of the
 * other sign comes after them; a rating, a target, a forecast or a dividend moved, two changes of opposite sign (in
 * parallel: neutral; after a concession, …ものの、…: the later, main clause), a change whose subject is far from its
 * verb, the rule layer's own events and facts, and a figure stated as a level (neutral) decide where the model
 * hesitates.
 */
final class JapaneseNewsRules {

    /** The share of certainty in the rule's class mixed into the model's probabilities. */
    static final double RULE_SHARE = 0.5;

    private JapaneseNewsRules() {
    }

    /** The class the rules give, and whether it holds even against a sure model. */
    record Ruling(SentimentLabel label, boolean clear) {
    }

    /**
     * The ruling on tokens[from, to) with these features (each with the characters of its first occurrence), or
     * null when the rules say nothing.
     */
    static Ruling ruling(Map<String, CharRange> features, List<Token> tokens, int from, int to, boolean threeClasses) {
        if (!JapaneseNewsReading.oneSentence(tokens, from, to)) {
            SentimentLabel plain = ruling(features.keySet(), threeClasses);
            return plain == null ? null : new Ruling(plain, false);
        }
        int goodAt = Integer.MAX_VALUE;
        int badAt = Integer.MAX_VALUE;
        boolean ruleFact = false;
        for (FinanceCues.Match match : JapaneseNewsReading.cues(tokens, from, to)) {
            int at = tokens.get(match.from()).start();
            if (match.sign() > 0) {
                goodAt = Math.min(goodAt, at);
            } else if (match.sign() < 0) {
                badAt = Math.min(badAt, at);
            } else {
                ruleFact = true;
            }
        }
        goodAt = Math.min(goodAt, startOf(features, "evt:+"));
        badAt = Math.min(badAt, startOf(features, "evt:-"));
        int betterAt = startOf(features, SentimentFeatures.CHANGE_FOR_BETTER);
        int worseAt = startOf(features, SentimentFeatures.CHANGE_FOR_WORSE);
        boolean good = goodAt != Integer.MAX_VALUE;
        boolean bad = badAt != Integer.MAX_VALUE;

        JapaneseNewsReading.Change clear = JapaneseNewsReading.clearChange(tokens, from, to);
        if (clear != null) {
            int at = tokens.get(clear.at()).start();
            boolean positive = clear.label() == SentimentLabel.POSITIVE;
            int againstAt = positive ? Math.max(after(badAt, at), after(worseAt, at))
                    : Math.max(after(goodAt, at), after(betterAt, at));
            if (againstAt < 0) {
                return new Ruling(clear.label(), true);
            }
        }
        SentimentLabel rating = JapaneseNewsReading.ratingMove(tokens, from, to);
        if (rating != null && (threeClasses || rating != SentimentLabel.NEUTRAL)) {
            return new Ruling(rating, false);
        }
        if (betterAt == Integer.MAX_VALUE && worseAt == Integer.MAX_VALUE) {
            JapaneseNewsReading.Change far = JapaneseNewsReading.subjectChange(tokens, from, to);
            if (far != null) {
                boolean positive = far.label() == SentimentLabel.POSITIVE;
                if (!good && !bad) {
                    return new Ruling(far.label(), false);
                }
                if (positive) {
                    betterAt = tokens.get(far.at()).start();
                } else {
                    worseAt = tokens.get(far.at()).start();
                }
            }
        }
        boolean better = betterAt != Integer.MAX_VALUE;
        boolean worse = worseAt != Integer.MAX_VALUE;
        if (good != bad) {
            boolean against = good ? worse : better;
            return against ? null : new Ruling(good ? SentimentLabel.POSITIVE : SentimentLabel.NEGATIVE, false);
        }
        if (!good && better && worse) {
            CharRange earlier = features.get(betterAt < worseAt ? SentimentFeatures.CHANGE_FOR_BETTER
                    : SentimentFeatures.CHANGE_FOR_WORSE);
            CharRange later = features.get(betterAt < worseAt ? SentimentFeatures.CHANGE_FOR_WORSE
                    : SentimentFeatures.CHANGE_FOR_BETTER);
            JapaneseNewsReading.Joint joint = JapaneseNewsReading.joint(tokens, from, to, earlier.end(), later.end());
            if (joint == JapaneseNewsReading.Joint.PARALLEL) {
                return threeClasses ? new Ruling(SentimentLabel.NEUTRAL, false) : null;
            }
            if (joint == JapaneseNewsReading.Joint.CONCESSIVE) {
                return new Ruling(betterAt > worseAt ? SentimentLabel.POSITIVE : SentimentLabel.NEGATIVE, false);
            }
        }
        if (threeClasses && !good && !bad && !better && !worse && (ruleFact
                || JapaneseNewsReading.statedLevel(tokens, from, to))
                && !features.containsKey("dir:up") && !features.containsKey("dir:down")
                && !features.containsKey("lex:+") && !features.containsKey("lex:-")) {
            return new Ruling(SentimentLabel.NEUTRAL, false);
        }
        SentimentLabel plain = ruling(features.keySet(), threeClasses);
        return plain == null ? null : new Ruling(plain, false);
    }

    private static int startOf(Map<String, CharRange> features, String feature) {
        CharRange range = features.get(feature);
        return range == null ? Integer.MAX_VALUE : range.start();
    }

    /** at when it lies after position, else -1. */
    private static int after(int at, int position) {
        return at != Integer.MAX_VALUE && at > position ? at : -1;
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

    /** {@link #apply(SentimentLabel, double, double, double)}; a clear ruling holds even against a sure model. */
    static double[] apply(Ruling ruling, double negative, double neutral, double positive) {
        if (ruling == null) {
            return new double[] {negative, neutral, positive};
        }
        return ruling.clear() ? mixed(ruling.label(), negative, neutral, positive)
                : apply(ruling.label(), negative, neutral, positive);
    }

    /** p mixed with certainty in the ruling class; p itself when there is no ruling or the model is sure. */
    static double[] apply(SentimentLabel ruling, double negative, double neutral, double positive) {
        if (ruling == null || Math.max(negative, Math.max(neutral, positive)) >= MODEL_SURE) {
            return new double[] {negative, neutral, positive};
        }
        return mixed(ruling, negative, neutral, positive);
    }

    /** p mixed half and half ({@link #RULE_SHARE}) with certainty in {@code ruling}. */
    private static double[] mixed(SentimentLabel ruling, double negative, double neutral, double positive) {
        double keep = 1 - RULE_SHARE;
        double[] p = {keep * negative, keep * neutral, keep * positive};
        p[ruling.ordinal()] += RULE_SHARE;
        return p;
    }
}
