package io.newsflow.topology.sentiment;

/**
 * What one scored article adds to a ticker's rolling sentiment.
 *
 * @param novel  false for near-duplicates: they add weight (tiny) but no count
 * @param weight novelty x relevance x confidence factor (see {@link Contributions#weight})
 */
public record Contribution(String articleId, long publishedAt, double sentiment, double weight, boolean novel,
        String language) {
}
