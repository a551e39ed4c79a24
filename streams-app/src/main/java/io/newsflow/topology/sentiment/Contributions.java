package io.newsflow.topology.sentiment;

import io.newsflow.avro.ScoredArticle;
import io.newsflow.topology.TopologySettings;
import io.newsflow.topology.state.TimeIndex;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The scored articles of each ticker as {@link Contribution}s, by publication time: what a
 * contribution is, which articles are too late to be one, and how long they are kept, in one place
 * for the two copies (the news task's, for rolling sentiment, and the ticker tasks', for alert
 * context and the credit view).
 */
public final class Contributions {

    private static final String STREAM_TIME_KEY = "scored-articles";
    static final double CONFIDENCE_FLOOR = 0.25;

    private final TimeIndex<Contribution> index;
    private final KeyValueStore<String, Long> streamTimes;
    private final long retentionMs;
    private final long lateAfterMs;

    /** @param streamTimes where the highest publication time seen is kept (restored with the task) */
    public Contributions(KeyValueStore<String, Contribution> store, KeyValueStore<String, Long> streamTimes,
            TopologySettings settings) {
        this.index = new TimeIndex<>(store);
        this.streamTimes = streamTimes;
        // long enough for the largest window, its baseline before it, and late articles within the grace
        this.retentionMs = settings.sentiment().baseline().millis() + settings.sentiment().largestWindow().millis()
                + settings.sentiment().grace().millis();
        this.lateAfterMs = settings.sentiment().largestWindow().millis() + settings.sentiment().grace().millis();
    }

    /** Whether the article was recorded, and the stream time it was judged against. */
    public record Outcome(boolean late, long streamTime) {
    }

    /**
     * Keeps the article (keyed by its id, so a replay or a re-emitted score replaces rather than
     * adds) and forgets the ticker's contributions that fell out of retention. An article published
     * before stream time minus the largest window and the grace could no longer change any open
     * window: it is late, and not kept.
     */
    public Outcome record(ScoredArticle article) {
        String ticker = article.getTicker();
        long published = article.getPublishedAt().toEpochMilli();
        Long seen = streamTimes.get(STREAM_TIME_KEY);
        long streamTime = seen == null ? published : Math.max(seen, published);
        if (published < streamTime - lateAfterMs) {
            return new Outcome(true, streamTime);
        }
        streamTimes.put(STREAM_TIME_KEY, streamTime);
        index.put(ticker, published, article.getArticleId(), new Contribution(article.getArticleId(), published,
                article.getSentiment(), weight(article),
                article.getDuplicateOf() == null, article.getLanguage()));
        index.deleteBefore(ticker, streamTime - retentionMs);
        return new Outcome(false, streamTime);
    }

    /**
     * How much an article counts in its ticker's rolling sentiment: novelty × relevance × a confidence factor
     * from {@value #CONFIDENCE_FLOOR} (no evidence) to 1 (sure of the sign). The floor keeps an unsure score
     * counting a little, rather than squaring every score's magnitude into the mean.
     */
    static double weight(ScoredArticle article) {
        double confidence = Math.max(0, Math.min(1, article.getConfidence()));
        return article.getNovelty() * article.getRelevance()
                * (CONFIDENCE_FLOOR + (1 - CONFIDENCE_FLOOR) * confidence);
    }

    public TimeIndex<Contribution> index() {
        return index;
    }
}
