package io.newsflow.topology.article;

/**
 * How new an article is.
 *
 * @param novelty          in [0, 1]
 * @param duplicateOf      the earlier article it nearly duplicates, or null
 * @param similarity       similarity to that article (0 when none)
 * @param repeatedShare    share of the body text that repeats earlier text (own repeats and earlier articles)
 */
public record Novelty(double novelty, String duplicateOf, double similarity, double repeatedShare) {
}
