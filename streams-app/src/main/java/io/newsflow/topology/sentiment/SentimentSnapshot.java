package io.newsflow.topology.sentiment;

/** The latest rolling sentiment of one ticker and window size, for alerts and the credit view. */
public record SentimentSnapshot(String ticker, String window, long windowStart, long windowEnd, double sentiment,
        long articleCount, double buzz) {
}
