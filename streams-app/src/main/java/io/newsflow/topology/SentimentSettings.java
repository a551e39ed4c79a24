package io.newsflow.topology;

import io.newsflow.config.AppConfig;
import java.util.Comparator;
import java.util.List;

/**
 * Rolling sentiment.
 *
 * @param windows     {@code sentiment.windows} hopping window sizes
 * @param advance     {@code sentiment.advance} hop
 * @param grace       {@code sentiment.grace} how late an article may be and still count
 * @param baseline    {@code sentiment.baseline} trailing period the buzz baseline is taken over
 * @param neutralBand {@code sentiment.neutral.band} |score| below this is neutral
 */
public record SentimentSettings(List<Span> windows, Span advance, Span grace, Span baseline, double neutralBand) {

    public SentimentSettings {
        windows = List.copyOf(windows);
        if (windows.isEmpty()) {
            throw new IllegalArgumentException("sentiment.windows must not be empty");
        }
        if (advance.millis() <= 0) {
            throw new IllegalArgumentException("sentiment.advance must be positive");
        }
        for (Span w : windows) {
            if (w.millis() % advance.millis() != 0) {
                throw new IllegalArgumentException("sentiment window " + w + " is not a multiple of the advance " + advance);
            }
        }
    }

    static SentimentSettings from(AppConfig c) {
        return new SentimentSettings(Span.list(c, "sentiment.windows"), Span.of(c, "sentiment.advance"),
                Span.of(c, "sentiment.grace"), Span.of(c, "sentiment.baseline"), c.getDouble("sentiment.neutral.band"));
    }

    public Span largestWindow() {
        return windows.stream().max(Comparator.comparing(Span::duration)).orElseThrow();
    }
}
