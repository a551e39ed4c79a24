package io.newsflow.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The tone of a text toward one entity named in it, as a class (for entity-level evaluation): the configured
 * scorer's entity score, placed by {@link EntityPlacement#byName} (dictionary aliases when the dictionary knows
 * the name, else its literal occurrences); positive or negative when the score is at least
 * {@value #POLAR_SCORE} either way, else neutral. A text that says nothing about the entity (a counterparty,
 * a passing mention) scores near 0 and so is neutral.
 */
public final class EntityToneClassifier {

    /** Least |score| called polar; chosen on the training part of the entity-level data (docs/quality.md). */
    static final double POLAR_SCORE = 0.25;

    private final EntitySentimentScorer<?> scorer;

    EntityToneClassifier(EntitySentimentScorer<?> scorer) {
        this.scorer = scorer;
    }

    /** The score toward {@code entity}; {@code others} are the other entities the text is known to name. */
    public SentimentScore score(String text, String entity, Collection<String> others, Language language) {
        ArticleText article = ArticleText.of("", text, language.name().toLowerCase(Locale.ROOT));
        return scorer.score(article, EntityPlacement.byName(article, scorer.dictionary(), entity, others));
    }

    public SentimentLabel classify(String text, String entity, Collection<String> others, Language language) {
        return labelOf(score(text, entity, others, language).score());
    }

    /**
     * Classifies every labelled entity and counts, as {@link SentimentEvaluation} does for sentences (with the
     * score's confidence for calibration and its evidence for the wrong answers); the other entities labelled in
     * the same text are placed as named too. {@code language} null: each text's script.
     */
    public SentimentEvaluation evaluate(List<LabelledEntity> labelled, Language language) {
        Map<String, List<String>> named = new HashMap<>();
        for (LabelledEntity e : labelled) {
            named.computeIfAbsent(e.text(), k -> new ArrayList<>()).add(e.entity());
        }
        SentimentEvaluation evaluation = new SentimentEvaluation();
        long start = System.nanoTime();
        for (LabelledEntity e : labelled) {
            Language lang = language != null ? language : Language.of(null, e.text());
            SentimentScore s = score(e.text(), e.entity(), named.get(e.text()), lang);
            // the error line names the entity before the text; the confidence is the score's (its margin)
            evaluation.add(new LabelledSentence(e.label(), "[" + e.entity() + "] " + e.text()),
                    new SentenceJudgement(labelOf(s.score()), s.confidence(), s.matchedTerms()));
        }
        evaluation.timed(System.nanoTime() - start);
        return evaluation;
    }

    static SentimentLabel labelOf(double score) {
        return score >= POLAR_SCORE ? SentimentLabel.POSITIVE
                : score <= -POLAR_SCORE ? SentimentLabel.NEGATIVE : SentimentLabel.NEUTRAL;
    }
}
