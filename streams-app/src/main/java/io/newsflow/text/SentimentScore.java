package io.newsflow.text;

import java.util.List;

/**
 * An entity's sentiment in one article.
 *
 * @param score sentiment in [-1, 1]
 * @param confidence how sure the scorer is of the score's sign, in [0, 1] (0: no evidence at all); consumers
 *                   use it to down-weight weak scores
 * @param matchedTerms what drove the score (terms, features or sentences, with their marks or signed weights),
 *                     strongest first, for explainability
 */
public record SentimentScore(double score, double confidence, List<String> matchedTerms) {

    public SentimentScore {
        matchedTerms = List.copyOf(matchedTerms);
    }

    /** No evidence: score 0, confidence 0, nothing to explain. */
    public static SentimentScore none() {
        return new SentimentScore(0, 0, List.of());
    }
}
