package io.newsflow.topology.dlq;

import io.newsflow.metrics.PipelineMetrics;
import java.util.Optional;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * First step of every input: bytes in, a valid typed record keyed by its own id and stamped with
 * its event time out, or a dead letter carrying the original bytes. Decoding here rather than in
 * the source keeps an undecodable record from ever failing the stream thread.
 */
public class DecodeProcessor<T> implements Processor<byte[], byte[], String, Routed<T>> {

    private final Deserializer<T> deserializer;
    private final InputRules<T> rules;
    private final DeadLetters deadLetters;
    private final PipelineMetrics metrics;
    private final DecodedValues<T> decoded;
    private ProcessorContext<String, Routed<T>> context;

    /** Takes the value from {@code decoded} when the event-time extractor has just decoded it. */
    public DecodeProcessor(Deserializer<T> deserializer, InputRules<T> rules, DeadLetters deadLetters,
            PipelineMetrics metrics, DecodedValues<T> decoded) {
        this.deserializer = deserializer;
        this.rules = rules;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.decoded = decoded;
    }

    @Override
    public void init(ProcessorContext<String, Routed<T>> context) {
        this.context = context;
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        metrics.recordProcessed(rules.stream());
        T value;
        try {
            value = record.value() == null ? null : decoded.take(record.value());
            if (value == null && record.value() != null) {
                String topic = context.recordMetadata().map(m -> m.topic()).orElse(rules.stream());
                value = deserializer.deserialize(topic, record.value());
            }
        } catch (RuntimeException e) {
            deadLetter(record, DeadLetterReason.DESERIALIZATION, DeadLetters.describe(e));
            return;
        }
        if (value == null) {
            deadLetter(record, DeadLetterReason.DESERIALIZATION, "null value");
            return;
        }
        Optional<InputRules.Violation> violation;
        try {
            violation = rules.check(value);
        } catch (RuntimeException e) {
            violation = Optional.of(new InputRules.Violation(DeadLetterReason.PROCESSING_ERROR, DeadLetters.describe(e)));
        }
        if (violation.isPresent()) {
            deadLetter(record, violation.get().reason(), violation.get().detail());
            return;
        }
        long eventTime = rules.eventTimeOf().apply(value).toEpochMilli();
        metrics.endToEndLag(rules.stream(), eventTime, context.currentSystemTimeMs());
        context.forward(new Record<>(rules.keyOf().apply(value), Routed.ok(value), eventTime, record.headers()));
    }

    private void deadLetter(Record<byte[], byte[]> record, DeadLetterReason reason, String detail) {
        var letter = deadLetters.create(context, rules.stream(), reason, detail, record.key(), record.value(),
                record.timestamp());
        String key = letter.getSourceTopic();
        context.forward(new Record<>(key, Routed.<T>dead(letter), record.timestamp()));
    }

}
