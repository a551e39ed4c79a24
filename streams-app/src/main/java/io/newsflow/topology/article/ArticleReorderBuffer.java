package io.newsflow.topology.article;

import io.newsflow.avro.ArticleEvent;
import io.newsflow.topology.state.TimeIndex;
import io.newsflow.topology.watermark.IdleSources;
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
 *
 * <p>Liveness: a partition whose watermark has not moved for {@code watermark.idle.timeout} on the
 * wall clock ({@link IdleSources}) is not waited for until it moves again; when every partition is
 * quiet that long, everything buffered leaves. The articles such a partition sends later than the
 * others' watermarks are scored when they come. How far the release has got is kept in
 * {@code funnel-released}: the news watermark ({@link NewsWatermarkFeed}).
 */
public final class ArticleReorderBuffer {

    private static final String GROUP = "articles";

    private final TimeIndex<BufferedArticle> waiting;
    private final KeyValueStore<String, Long> watermarkStore;
    private final KeyValueStore<String, Long> released;
    private final IdleSources idle;
    private final int partitions;
    /** partition -> watermark, read once from the store and written through. */
    private Map<Integer, Long> watermarks;

    /**
     * @param partitions how many partitions feed the funnel ({@code topic.partitions}): nothing leaves
     *                   before each has sent a watermark (more are waited for when they show up)
     */
    public ArticleReorderBuffer(KeyValueStore<String, BufferedArticle> waiting, KeyValueStore<String, Long> watermarks,
            KeyValueStore<String, Long> released, IdleSources idle, int partitions) {
        this.waiting = new TimeIndex<>(waiting);
        this.watermarkStore = watermarks;
        this.released = released;
        this.idle = idle;
        this.partitions = partitions;
    }

    /** Key of the news watermark in {@code funnel-released}. */
    public static final String RELEASED_KEY = "released";

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
            idle.moved(partition);
        }
        return release();
    }

    /**
     * The articles released because partitions went quiet for the idle timeout (called on the wall
     * clock); empty while every partition is waited for.
     */
    public List<BufferedArticle> releaseIdle() {
        return release();
    }

    private List<BufferedArticle> release() {
        idle.holding(waiting.earliestAtOrAfter(GROUP, 0).isPresent());
        long low = lowWatermark();
        if (low == Long.MIN_VALUE) {
            return List.of();
        }
        List<BufferedArticle> out = new ArrayList<>();
        for (TimeIndex.Entry<BufferedArticle> entry : waiting.range(GROUP, 0, low)) {
            waiting.delete(entry.key());
            out.add(entry.value());
        }
        Long before = released.get(RELEASED_KEY);
        if (before == null || low > before) {
            released.put(RELEASED_KEY, low); // read by the news watermark feed once these are scored
        }
        return out;
    }

    /**
     * The lowest watermark over the partitions waited for; MIN_VALUE while one of them has sent none.
     * With every partition skipped as idle, the highest: everything buffered can go.
     */
    private long lowWatermark() {
        Map<Integer, Long> known = watermarks();
        int count = Math.max(partitions, known.isEmpty() ? 0 : ((TreeMap<Integer, Long>) known).lastKey() + 1);
        long low = Long.MAX_VALUE;
        long high = Long.MIN_VALUE;
        for (int p = 0; p < count; p++) {
            Long wm = known.get(p);
            high = wm == null ? high : Math.max(high, wm);
            if (idle.skip(p, wm == null ? Long.MIN_VALUE : wm)) {
                continue;
            }
            if (wm == null) {
                return Long.MIN_VALUE;
            }
            low = Math.min(low, wm);
        }
        return low == Long.MAX_VALUE ? high : low;
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
