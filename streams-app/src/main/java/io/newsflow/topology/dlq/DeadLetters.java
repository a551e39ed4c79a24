package io.newsflow.topology.dlq;

import io.newsflow.avro.DeadLetter;
import io.newsflow.metrics.PipelineMetrics;
import java.nio.ByteBuffer;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/** Builds {@link DeadLetter} records from the record being processed and counts them. */
public final class DeadLetters {

    private final PipelineMetrics metrics;

    public DeadLetters(PipelineMetrics metrics) {
        this.metrics = metrics;
        for (DeadLetterReason reason : DeadLetterReason.values()) {
            metrics.declareDeadLetterReason(reason.name());
        }
    }

    /**
     * @param context        for the source topic, partition and offset of the current record and the wall clock
     * @param fallbackTopic  used when the record has no metadata (e.g. emitted by a punctuator)
     */
    public DeadLetter create(ProcessingContext context, String fallbackTopic, DeadLetterReason reason, String detail,
            byte[] key, byte[] payload, Long recordTimestamp) {
        RecordMetadata meta = context.recordMetadata().orElse(null);
        metrics.deadLetter(reason.name());
        return DeadLetter.newBuilder()
                .setSourceTopic(meta != null && meta.topic() != null ? meta.topic() : fallbackTopic)
                .setPartition(meta != null ? meta.partition() : -1)
                .setOffset(meta != null ? meta.offset() : -1L)
                .setReason(reason.name())
                .setDetail(detail == null ? reason.name() : detail)
                .setKey(key == null ? null : ByteBuffer.wrap(key))
                .setPayload(payload == null ? null : ByteBuffer.wrap(payload))
                .setRecordTimestamp(recordTimestamp == null || recordTimestamp < 0 ? null : Instant.ofEpochMilli(recordTimestamp))
                .setFailedAt(Instant.ofEpochMilli(context.currentSystemTimeMs()))
                .build();
    }

    public static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
