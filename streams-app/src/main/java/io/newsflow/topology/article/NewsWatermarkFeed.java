package io.newsflow.topology.article;

import io.newsflow.avro.ArticleEvent;
import io.newsflow.avro.ScoredArticle;
import io.newsflow.topology.watermark.Watermarked;
import io.newsflow.topology.StoreNames;
import java.time.Duration;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The news watermark, next to the scores: a {@link Watermarked.Watermark} with timestamp W saying that
 * every score of an article published at or before W has been sent. It goes with the scores to the
 * ticker tasks' news context (topic {@code news-context}, every watermark to every partition), where
 * alerts and credit views wait for it ({@link io.newsflow.topology.context.NewsContextProcessor}).
 *
 * <p>Funnelled articles: W is how far the {@link ArticleReorderBuffer} has released
 * ({@code funnel-released}), read after each funnel record and on the wall clock (the idle escape
 * releases without a record). Whether this step sees a funnel record before or after the scoring step
 * does only changes how soon W moves: the buffer writes W once the articles it covers are released,
 * and they are scored and sent before the next record or punctuation. Articles read where they are
 * published ({@code articles.single.partition}): the partition is in publication order, so W is the
 * newest publication time minus 1 ms.
 */
public final class NewsWatermarkFeed implements Processor<String, ArticleEvent, String, Watermarked<ScoredArticle>> {

    /** Key of the watermark records. */
    public static final String WATERMARK_KEY = "news-watermark";
    private static final Duration CHECK_EVERY = Duration.ofSeconds(1);

    private final boolean funnelled;
    private ProcessorContext<String, Watermarked<ScoredArticle>> context;
    private KeyValueStore<String, Long> released;
    /** The last watermark sent, in memory: after a restart it is sent once more, which changes nothing downstream. */
    private long sent = Long.MIN_VALUE;

    /** @param funnelled false with {@code articles.single.partition} (no reorder buffer) */
    public NewsWatermarkFeed(boolean funnelled) {
        this.funnelled = funnelled;
    }

    @Override
    public void init(ProcessorContext<String, Watermarked<ScoredArticle>> context) {
        this.context = context;
        if (funnelled) {
            released = context.getStateStore(StoreNames.FUNNEL_RELEASED);
            context.schedule(CHECK_EVERY, PunctuationType.WALL_CLOCK_TIME, now -> send(releasedUpTo()));
        }
    }

    @Override
    public void process(Record<String, ArticleEvent> record) {
        send(funnelled ? releasedUpTo() : record.timestamp() - 1);
    }

    private long releasedUpTo() {
        Long upTo = released.get(ArticleReorderBuffer.RELEASED_KEY);
        return upTo == null ? Long.MIN_VALUE : upTo;
    }

    private void send(long watermark) {
        if (watermark > sent && watermark >= 0) {
            sent = watermark;
            context.forward(new Record<>(WATERMARK_KEY, Watermarked.<ScoredArticle>watermark(), watermark));
        }
    }
}
