package io.newsflow.topology.bond;

import io.newsflow.avro.BondBookSummary;
import io.newsflow.avro.BondBookUpdate;
import io.newsflow.topology.watermark.Watermarked;
import java.time.Duration;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The deal watermark of one bond-book task, next to its summaries: every 10 s of the task's stream
 * time (well inside {@code watermark.idle.timeout}, so that a live source is not taken for idle), a
 * {@link Watermarked.Watermark} with timestamp W saying that every deal update of this task's
 * partition at or before W has been summarised and sent. It goes through
 * {@code bond-summaries-by-issuer} to every partition, after the summaries it covers
 * ({@link io.newsflow.topology.watermark.KeyOrBroadcastPartitioner}), where the credit-view flips and
 * the alerts' open deals wait for it ({@link DealWatermarks}). The task reads the same partition of the
 * ticks (merged in, none of which passes), so the dense ticks move W when no deal update comes, as for
 * the novelty funnel's feed ({@link io.newsflow.topology.article.ArticleFunnelFeed}).
 */
public final class DealWatermarkFeed implements Processor<String, BondBookUpdate, String, Watermarked<BondBookSummary>> {

    /** Key prefix of the watermark records, followed by the sending task's partition. */
    public static final String WATERMARK_KEY = "deal-watermark|";
    private static final Duration WATERMARK_EVERY = Duration.ofSeconds(10);

    @Override
    public void init(ProcessorContext<String, Watermarked<BondBookSummary>> context) {
        String key = WATERMARK_KEY + context.taskId().partition();
        context.schedule(WATERMARK_EVERY, PunctuationType.STREAM_TIME, streamTime ->
                context.forward(new Record<>(key, Watermarked.<BondBookSummary>watermark(), streamTime - 1)));
    }

    @Override
    public void process(Record<String, BondBookUpdate> record) {
        // the updates go to the book step; this step only keeps the task's stream time
    }

    /** The sending task of a watermark record, or -1 for another key. */
    static int sourceOf(String key) {
        if (key == null || !key.startsWith(WATERMARK_KEY)) {
            return -1;
        }
        try {
            return Integer.parseInt(key.substring(WATERMARK_KEY.length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
