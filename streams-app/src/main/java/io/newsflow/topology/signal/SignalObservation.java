package io.newsflow.topology.signal;

/** One scored article's sentiment and the cumulative abnormal return that followed it over one horizon. */
public record SignalObservation(String articleId, long publishedAt, double sentiment, double car) {
}
