package io.newsflow.topology.article;

import io.newsflow.avro.ArticleEvent;
import java.nio.ByteBuffer;
import java.time.Duration;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Feeds the one-partition novelty funnel from one partition of the articles topic, in the task that
 * also reads that partition of the ticks: each article goes on tagged with its partition, and, each
 * minute of the task's stream time, a watermark record (null value, same tag) says that every
 * article of the partition published before {@code stream time - 1 ms} has been sent. Kafka Streams
 * takes a task's records in event-time order across its input partitions (it waits for data already
 * on the broker, {@code max.task.idle.ms >= 0}), so once the ticks are at T the articles before T are
 * through; the ticks, dense and steady, move the watermark when no article comes.
 *
 * <p>The funnel ({@link ArticleReorderBuffer}) releases an article once every partition's watermark
 * has reached its publication time, in (publication time, id) order: the arrival order of the
 * partitions' records at the funnel, which depends on how the tasks happen to run, no longer
 * matters.
 */
public final class ArticleFunnelFeed implements Processor<String, ArticleEvent, String, ArticleEvent> {

    /** Header carrying the articles partition a funnel record comes from (4-byte big-endian int). */
    public static final String PARTITION_HEADER = "newsflow.funnel.partition";
    private static final Duration WATERMARK_EVERY = Duration.ofMinutes(1);
    /** Key of the watermark records (their null value is what marks them; no article has one). */
    private static final String WATERMARK_KEY = "watermark";

    private ProcessorContext<String, ArticleEvent> context;
    private byte[] partition;

    @Override
    public void init(ProcessorContext<String, ArticleEvent> context) {
        this.context = context;
        this.partition = ByteBuffer.allocate(4).putInt(context.taskId().partition()).array();
        context.schedule(WATERMARK_EVERY, PunctuationType.STREAM_TIME, streamTime ->
                context.forward(new Record<String, ArticleEvent>(WATERMARK_KEY, null, streamTime - 1,
                        tagged(new RecordHeaders()))));
    }

    @Override
    public void process(Record<String, ArticleEvent> record) {
        context.forward(record.withHeaders(tagged(new RecordHeaders(record.headers().toArray()))));
    }

    private RecordHeaders tagged(RecordHeaders headers) {
        headers.remove(PARTITION_HEADER);
        headers.add(PARTITION_HEADER, partition);
        return headers;
    }

    /** The articles partition a funnel record names, or -1 for a record without the tag (written before it existed). */
    static int partitionOf(Record<?, ?> record) {
        Header header = record.headers().lastHeader(PARTITION_HEADER);
        return header == null || header.value() == null || header.value().length != 4 ? -1
                : ByteBuffer.wrap(header.value()).getInt();
    }
}
