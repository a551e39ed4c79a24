package io.newsflow.topology.sentiment;

import io.newsflow.avro.SentimentRolling;
import io.newsflow.topology.Span;
import io.newsflow.topology.state.TimeIndex;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Aggregates a ticker's contributions over one hopping window.
 *
 * <p>Hopping windows of size S advancing by A are aligned to the epoch. The window reported "as
 * of" time t is the newest one that covers the trailing S up to t: it ends at the first advance
 * boundary after t, {@code end = floor(t / A) * A + A}, {@code start = end - S}.
 *
 * <p>Buzz: {@code count / max(1, baselineCount * S / B)} where baselineCount is the number of
 * novel articles in the B (sentiment.baseline, default 7d) before the window start. It is the
 * window's count against the count a window of that size usually has; the floor of one article
 * keeps a quiet ticker's first story from reading as infinite buzz.
 */
public final class SentimentWindow {

    private final Span size;
    private final long advanceMs;
    private final long baselineMs;
    private final double neutralBand;

    public SentimentWindow(Span size, long advanceMs, long baselineMs, double neutralBand) {
        this.size = size;
        this.advanceMs = advanceMs;
        this.baselineMs = baselineMs;
        this.neutralBand = neutralBand;
    }

    public Span size() {
        return size;
    }

    public long endAsOf(long time) {
        return Math.floorDiv(time, advanceMs) * advanceMs + advanceMs;
    }

    public long startAsOf(long time) {
        return endAsOf(time) - size.millis();
    }

    /** The window as of {@code asOf}, aggregated from the ticker's stored contributions. */
    public SentimentRolling aggregate(String ticker, long asOf, TimeIndex<Contribution> contributions) {
        long end = endAsOf(asOf);
        long start = end - size.millis();
        List<TimeIndex.Entry<Contribution>> inWindow = contributions.range(ticker, start, end - 1);

        Set<String> counted = new HashSet<>();
        long positive = 0;
        long negative = 0;
        long neutral = 0;
        double weighted = 0;
        double weights = 0;
        Map<String, Long> languages = new TreeMap<>();
        for (TimeIndex.Entry<Contribution> entry : inWindow) {
            Contribution c = entry.value();
            weighted += c.weight() * c.sentiment();
            weights += c.weight();
            if (c.novel() && counted.add(c.articleId())) {
                if (c.sentiment() > neutralBand) {
                    positive++;
                } else if (c.sentiment() < -neutralBand) {
                    negative++;
                } else {
                    neutral++;
                }
                languages.merge(c.language(), 1L, Long::sum);
            }
        }
        long count = counted.size();
        long baselineCount = contributions.range(ticker, start - baselineMs, start - 1).stream()
                .filter(e -> e.value().novel()).map(e -> e.value().articleId()).distinct().count();
        double expected = Math.max(1.0, baselineCount * (double) size.millis() / baselineMs);
        double sentiment = weights > 0 ? clamp(weighted / weights) : 0.0;

        return SentimentRolling.newBuilder()
                .setTicker(ticker)
                .setWindowLabel(size.label())
                .setWindowStart(Instant.ofEpochMilli(start))
                .setWindowEnd(Instant.ofEpochMilli(end))
                .setArticleCount(count)
                .setNoveltyWeightedSentiment(sentiment)
                .setPositiveCount(positive)
                .setNegativeCount(negative)
                .setNeutralCount(neutral)
                .setLanguageCounts(languages)
                .setBuzz(count / expected)
                .build();
    }

    private static double clamp(double v) {
        return Math.max(-1.0, Math.min(1.0, v));
    }
}
