package io.newsflow.topology.article;

import io.newsflow.avro.ArticleEvent;
import io.newsflow.topology.state.TimeIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Puts the funnelled articles back in event-time order (see {@link ArticleFunnelFeed}): an article
 * waits in a store keyed by (publication time, id, funnel offset) until the watermark of every
 * articles partition has reached its publication time, then leaves in key order. Which articles a
 * novelty verdict is judged against, and which are late for rolling sentiment, then depend on the
 * articles and their times only, not on how the partitions' records interleaved on their way here.
 *
 * <p>Ties: articles published in the same millisecond leave by id; copies of one id (always from
 * one partition, which is keyed by id) in the order that partition had them.
 */
public final class ArticleReorderBuffer {

    private static final String GROUP = "articles";

    private final TimeIndex<BufferedArticle> waiting;
    private final KeyValueStore<String, Long> watermarkStore;
    private final int partitions;
    /** partition -> watermark, read once from the store and written through. */
    private Map<Integer, Long> watermarks;

    /**
     * @param partitions how many partitions feed the funnel ({@code topic.partitions}): nothing leaves
     *                   before each has sent a watermark (more are waited for when they show up)
     */
    public ArticleReorderBuffer(KeyValueStore<String, BufferedArticle> waiting, KeyValueStore<String, Long> watermarks,
            int partitions) {
        this.waiting = new TimeIndex<>(waiting);
        this.watermarkStore = watermarks;
        this.partitions = partitions;
    }

    /**
     * Takes one funnel record of articles partition {@code partition} (an article, or a watermark
     * when the value is null) and returns the articles it releases, oldest first.
     */
    public List<BufferedArticle> offer(int partition, ArticleEvent article, long watermark, String source,
            long offset) {
        long time = watermark;
        if (article != null) {
            time = article.getPublishedAt().toEpochMilli();
            waiting.put(GROUP, time, article.getId() + "#" + String.format("%019d", Math.max(0, offset)),
                    new BufferedArticle(source, article));
        }
        // the partition's later records are at or after this time (articles come in time order per partition)
        Long before = watermarks().get(partition);
        if (before == null || time > before) {
            watermarks().put(partition, time);
            watermarkStore.put(Integer.toString(partition), time);
        }
        return release();
    }

    private List<BufferedArticle> release() {
        long low = lowWatermark();
        if (low == Long.MIN_VALUE) {
            return List.of();
        }
        List<BufferedArticle> released = new ArrayList<>();
        for (TimeIndex.Entry<BufferedArticle> entry : waiting.range(GROUP, 0, low)) {
            waiting.delete(entry.key());
            released.add(entry.value());
        }
        return released;
    }

    /** The lowest watermark over the partitions; MIN_VALUE while one of them has sent none. */
    private long lowWatermark() {
        Map<Integer, Long> known = watermarks();
        int count = Math.max(partitions, known.isEmpty() ? 0 : ((TreeMap<Integer, Long>) known).lastKey() + 1);
        long low = Long.MAX_VALUE;
        for (int p = 0; p < count; p++) {
            Long wm = known.get(p);
            if (wm == null) {
                return Long.MIN_VALUE;
            }
            low = Math.min(low, wm);
        }
        return low;
    }

    private Map<Integer, Long> watermarks() {
        if (watermarks == null) {
            watermarks = new TreeMap<>();
            try (KeyValueIterator<String, Long> it = watermarkStore.all()) {
                it.forEachRemaining(kv -> watermarks.put(Integer.parseInt(kv.key), kv.value));
            }
        }
        return watermarks;
    }
}
