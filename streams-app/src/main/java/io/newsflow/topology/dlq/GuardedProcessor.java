package io.newsflow.topology.dlq;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Base of every stateful step: a step collects its results and its verdict on the record ({@link Output}),
 * and they are forwarded after it: the results first, then a record the step rejected is thrown as a
 * {@link RejectedRecord}. An exception of the step's own logic propagates as it is, before any result. Either
 * way the one processing exception handler (KIP-1033, {@code DeadLetterProcessingHandler}) writes the dead
 * letter (KIP-1034) and processing goes on; Kafka Streams' own failures ({@code StreamsException}s such as a
 * fenced producer under exactly-once) fail the thread there. There is no other way to a dead letter.
 */
public abstract class GuardedProcessor<VIn, VOut> implements Processor<String, VIn, String, VOut> {

    protected ProcessorContext<String, VOut> context;

    @Override
    public void init(ProcessorContext<String, VOut> context) {
        this.context = context;
    }

    @Override
    public final void process(Record<String, VIn> record) {
        Output<VOut> out = new Output<>();
        handle(record, out);
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

    /** Handles one record, adding results and the rejection, if any, to {@code out}. */
    protected abstract void handle(Record<String, VIn> record, Output<VOut> out);

    private void flush(Record<String, VIn> cause, Output<VOut> out) {
        forwardResults(cause, out);
        if (!out.failures.isEmpty()) {
            throw new RejectedRecord(out.failures);
        }
    }

    /**
     * Forwards the results of {@code out}, made for {@code cause}: for a step that handles several records in
     * one call (a punctuation releasing buffered ones), which rejects what failed once all are forwarded.
     */
    protected final void forwardResults(Record<String, VIn> cause, Output<VOut> out) {
        if (out.results.isEmpty()) {
            return; // most ticks pass nothing on: no origin headers to build
        }
        Headers origin = passesOriginOn() ? originOf(cause) : null;
        for (Record<String, VOut> result : out.results) {
            context.forward(origin == null ? result : result.withHeaders(origin));
        }
    }

    private static Headers originOf(Record<String, ?> cause) {
        Header header = cause.headers().lastHeader(Origin.HEADER);
        return header == null ? null : new RecordHeaders(new Header[] {header});
    }

    /** Results of one {@link #handle} call (most calls have none: the list is created on first use). */
    public static final class Output<V> {
        private List<Record<String, V>> results = List.of();
        private List<RejectedRecord.Failure> failures = List.of();

        public void emit(String key, V value, long timestamp) {
            emit(new Record<>(key, value, timestamp));
        }

        /** A result as it is, headers included (a released held output carries its input's {@link Origin}). */
        public void emit(Record<String, V> result) {
            if (results.isEmpty()) {
                results = new ArrayList<>(2);
            }
            results.add(result);
        }

        /** A dead letter of the record with {@code reason} (one per call), written after the results emitted for it. */
        public void deadLetter(DeadLetterReason reason, String detail) {
            if (failures.isEmpty()) {
                failures = new ArrayList<>(1);
            }
            failures.add(new RejectedRecord.Failure(reason, detail));
        }

        /** The failures of the record, each a dead letter once the results are forwarded. */
        public List<RejectedRecord.Failure> failures() {
            return failures;
        }

        public List<Record<String, V>> results() {
            return results;
        }
    }
}
