package io.newsflow.topology.sentiment;

import io.newsflow.avro.ScoredArticle;
import io.newsflow.topology.TopologySettings;
import io.newsflow.topology.state.TimeIndex;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The scored articles of each ticker as {@link Contribution}s, by publication time: what a
 * contribution is and how long it is kept, in one place for the two copies (the news task's, for
 * rolling sentiment, and the ticker tasks', for alert context and the credit view).
 */
public final class Contributions {

    private final TimeIndex<Contribution> index;
    private final long retentionMs;
    private final long lateAfterMs;

    public Contributions(KeyValueStore<String, Contribution> store, TopologySettings settings) {
        this.index = new TimeIndex<>(store);
        this.retentionMs = retentionMs(settings);
        this.lateAfterMs = settings.largestSentimentWindow().millis() + settings.sentimentGrace().millis();
    }

    /**
     * An article published before stream time minus the largest window and the grace could no
     * longer change any open window: it is late, and not recorded.
     */
    public boolean isLate(long publishedAt, long streamTime) {
        return publishedAt < streamTime - lateAfterMs;
    }

    /** Long enough for the largest window, its baseline before it, and late articles within the grace. */
    public static long retentionMs(TopologySettings settings) {
        return settings.sentimentBaseline().millis() + settings.largestSentimentWindow().millis()
                + settings.sentimentGrace().millis();
    }

    /**
     * Keeps the article (keyed by its id, so a replay or a re-emitted score replaces rather than
     * adds) and forgets the ticker's contributions that fell out of retention as of {@code streamTime}.
     */
    public void record(ScoredArticle article, long streamTime) {
        String ticker = article.getTicker();
        long published = article.getPublishedAt().toEpochMilli();
        index.put(ticker, published, article.getArticleId(), new Contribution(article.getArticleId(), published,
                article.getSentiment(), article.getNovelty() * article.getRelevance(),
                article.getDuplicateOf() == null, article.getLanguage()));
        index.deleteBefore(ticker, streamTime - retentionMs);
    }

    public TimeIndex<Contribution> index() {
        return index;
    }
}
