package io.newsflow.topology;

import io.newsflow.config.AppConfig;

/**
 * Near-duplicate detection.
 *
 * @param threshold       {@code novelty.threshold} similarity at or above which an article is a near-duplicate
 * @param maxFingerprints {@code novelty.max.fingerprints} recent articles compared against
 * @param retention       {@code novelty.retention} how long ids, fingerprints and fragments are remembered
 */
public record NoveltySettings(double threshold, int maxFingerprints, Span retention) {

    public NoveltySettings {
        if (threshold <= 0 || threshold > 1) {
            throw new IllegalArgumentException("novelty.threshold must be in (0, 1]");
        }
    }

    static NoveltySettings from(AppConfig c) {
        return new NoveltySettings(c.getDouble("novelty.threshold"), c.getInt("novelty.max.fingerprints"),
                Span.of(c, "novelty.retention"));
    }
}
