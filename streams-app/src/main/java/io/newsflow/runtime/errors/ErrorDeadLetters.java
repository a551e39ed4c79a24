package io.newsflow.runtime.errors;

import io.newsflow.avro.DeadLetter;
import io.newsflow.config.Topics;
import io.newsflow.metrics.PipelineMetrics;
import io.newsflow.topology.dlq.DeadLetterReason;
import io.newsflow.topology.dlq.DeadLetters;
import io.newsflow.topology.dlq.Origin;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

/**
 * What the Kafka Streams error handlers need to turn a failure into a dead letter on the
 * dead-letters topic (Kafka Streams sends the records a handler returns, KIP-1034): the app hands
 * one instance to every handler through the Streams configuration under {@link #CONFIG}.
 */
public final class ErrorDeadLetters {

    /** Streams configuration entry holding the instance (an object, not a string). */
    public static final String CONFIG = "newsflow.error.dead.letters";

    private final DeadLetters deadLetters;
    private final Serializer<DeadLetter> serializer;
    private final PipelineMetrics metrics;

    public ErrorDeadLetters(DeadLetters deadLetters, Serializer<DeadLetter> serializer, PipelineMetrics metrics) {
        this.deadLetters = deadLetters;
        this.serializer = serializer;
        this.metrics = metrics;
    }

    static ErrorDeadLetters from(Map<String, ?> configs) {
        Object value = configs.get(CONFIG);
        if (value instanceof ErrorDeadLetters letters) {
            return letters;
        }
        throw new ConfigException(CONFIG, value, "the newsflow error handlers need the app's ErrorDeadLetters");
    }

    /**
     * The dead letter of the input record being processed when {@code context}'s failure happened.
     * Its Kafka timestamp is left to the producer (now): the failure may be the record's own timestamp.
     */
    ProducerRecord<byte[], byte[]> of(ErrorHandlerContext context, DeadLetterReason reason, String detail,
            byte[] key, byte[] payload) {
        Origin origin = Origin.of(context.headers())
                .orElseGet(() -> new Origin(context.topic() == null ? "unknown" : context.topic(), context.partition(),
                        context.offset()));
        return of(origin, context.timestamp(), reason, detail, key, payload);
    }

    /** The dead letter of the input record at {@code origin}, whose Kafka timestamp was {@code timestamp}. */
    ProducerRecord<byte[], byte[]> of(Origin origin, Long timestamp, DeadLetterReason reason, String detail,
            byte[] key, byte[] payload) {
        DeadLetter letter = deadLetters.create(origin, reason, detail, key, payload, timestamp,
                System.currentTimeMillis());
        byte[] value = serializer.serialize(Topics.DEAD_LETTERS, letter);
        return new ProducerRecord<>(Topics.DEAD_LETTERS, null, null,
                letter.getSourceTopic().getBytes(StandardCharsets.UTF_8), value);
    }

    /** Counts a record that could be neither written nor dead-lettered (a dead letter that failed itself). */
    void skipped(String reason) {
        metrics.recordSkipped(reason);
    }
}
