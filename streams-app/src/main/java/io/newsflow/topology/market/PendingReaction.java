package io.newsflow.topology.market;

/**
 * A market reaction waiting for its horizon to pass in the ticker's ticks. {@code relevance} is null
 * for reactions registered before it was kept.
 */
public record PendingReaction(String articleId, String ticker, long publishedAt, String horizonLabel, long horizonMs,
        double sentiment, Double relevance) {

    public long dueAt() {
        return publishedAt + horizonMs;
    }

    public String id() {
        return articleId + "#" + horizonLabel;
    }
}
