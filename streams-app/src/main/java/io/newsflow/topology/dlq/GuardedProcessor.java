package io.newsflow.topology.dlq;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Base of every stateful step: turns an exception thrown by our own logic into a
 * {@link DeadLetterReason#PROCESSING_ERROR} dead letter and keeps going.
 *
 * <p>Results are collected first and forwarded after the guarded block, so exceptions from
 * downstream nodes, the producer or the state stores ({@link StreamsException}s such as a fenced
 * producer under exactly-once) still propagate to Kafka Streams instead of being swallowed.
 */
public abstract class GuardedProcessor<VIn, VOut> implements Processor<String, VIn, String, Routed<VOut>> {

    private final DeadLetters deadLetters;
    private final Serializer<VIn> payloadSerializer;
    protected ProcessorContext<String, Routed<VOut>> context;

    protected GuardedProcessor(DeadLetters deadLetters, Serializer<VIn> payloadSerializer) {
        this.deadLetters = deadLetters;
        this.payloadSerializer = payloadSerializer;
    }

    @Override
    public void init(ProcessorContext<String, Routed<VOut>> context) {
        this.context = context;
    }

    @Override
    public final void process(Record<String, VIn> record) {
        Output<VOut> out = new Output<>();
        try {
            handle(record, out);
        } catch (StreamsException e) {
            throw e;
        } catch (RuntimeException e) {
            out.clearResults();
            out.deadLetter(record, DeadLetterReason.PROCESSING_ERROR, DeadLetters.describe(e));
        }
        flush(record, out);
    }

    /**
     * The input record being processed, as {@code topic/partition@offset} (null without metadata):
     * a step that emits once and remembers it stores this with its state, so that a replay of that
     * very record (at-least-once, after a crash) can emit the same result again.
     */
    protected String currentSource() {
        return context.recordMetadata().map(m -> m.topic() + "/" + m.partition() + "@" + m.offset()).orElse(null);
    }

    /**
     * True for a step whose results stay inside the pipeline for a while (the article scores that
     * feed rolling sentiment): they carry the cause's {@link Origin}, so that a dead letter made
     * from them names the input record.
     */
    protected boolean passesOriginOn() {
        return false;
    }

    /** The topic the dead letters' payload is serialized for (its schema registry subject): by default the input's. */
    protected String payloadTopic() {
        return context.recordMetadata().map(m -> m.topic()).orElse("unknown");
    }

    /** Handles one record, adding results and dead letters to {@code out}. */
    protected abstract void handle(Record<String, VIn> record, Output<VOut> out);

    protected void flush(Record<String, VIn> cause, Output<VOut> out) {
        Headers origin = passesOriginOn() ? originOf(cause) : null;
        for (Record<String, VOut> result : out.results) {
            Record<String, Routed<VOut>> routed = result.withValue(Routed.ok(result.value()));
            context.forward(origin == null ? routed : routed.withHeaders(origin));
        }
        for (PendingDeadLetter dl : out.deadLetters) {
            byte[] payload = serialize(cause);
            byte[] key = cause.key() == null ? null : cause.key().getBytes(StandardCharsets.UTF_8);
            var letter = deadLetters.create(context, "unknown", dl.reason(), dl.detail(), key, payload, cause.timestamp(),
                    cause.headers());
            context.forward(new Record<String, Routed<VOut>>(letter.getSourceTopic(), Routed.dead(letter), cause.timestamp()));
        }
    }

    private byte[] serialize(Record<String, VIn> cause) {
        if (payloadSerializer == null || cause.value() == null) {
            return null;
        }
        try {
            return payloadSerializer.serialize(payloadTopic(), cause.value());
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Headers originOf(Record<String, ?> cause) {
        Header header = cause.headers().lastHeader(Origin.HEADER);
        return header == null ? null : new RecordHeaders(new Header[] {header});
    }

    private record PendingDeadLetter(DeadLetterReason reason, String detail) {
    }

    /** Results of one {@link #handle} call (most calls have none: the lists are created on first use). */
    public static final class Output<V> {
        private List<Record<String, V>> results = List.of();
        private List<PendingDeadLetter> deadLetters = List.of();

        public void emit(String key, V value, long timestamp) {
            if (results.isEmpty()) {
                results = new ArrayList<>(2);
            }
            results.add(new Record<>(key, value, timestamp));
        }

        /** A result as it is, headers included (a released held output carries its input's {@link Origin}). */
        public void emit(Record<String, V> result) {
            if (results.isEmpty()) {
                results = new ArrayList<>(2);
            }
            results.add(result);
        }

        public void deadLetter(Record<String, ?> cause, DeadLetterReason reason, String detail) {
            if (deadLetters.isEmpty()) {
                deadLetters = new ArrayList<>(1);
            }
            deadLetters.add(new PendingDeadLetter(reason, detail));
        }

        public List<Record<String, V>> results() {
            return results;
        }

        void clearResults() {
            results = List.of();
        }
    }
}
