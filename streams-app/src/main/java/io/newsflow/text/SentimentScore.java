package io.newsflow.text;

import java.util.List;

/**
 * @param score sentiment in [-1, 1]
 * @param matchedTerms lexicon terms that drove the score (with negation/intensifier marks), for explainability
 */
public record SentimentScore(double score, List<String> matchedTerms) {
}
