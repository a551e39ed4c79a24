package io.newsflow.runtime.errors;

import io.newsflow.config.Topics;
import io.newsflow.metrics.PipelineMetrics;
import io.newsflow.topology.dlq.DeadLetterReason;
import io.newsflow.topology.dlq.DeadLetters;
import io.newsflow.topology.dlq.RegistryFaults;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;

/**
 * {@code production.exception.handler}: a result the producer or the broker refuses (too large, a
 * timestamp out of the broker's range, an invalid record) becomes a {@link DeadLetterReason#PRODUCTION_ERROR}
 * dead letter carrying the result, and processing goes on; Kafka Streams' default would fail the
 * stream thread, which then re-reads the same input and fails again, forever.
 *
 * <p>Kafka Streams sends a handler's dead letters from where the failure is reported. A refusal by
 * the broker is reported on the producer's network thread, where a send that needs the dead-letter
 * topic's metadata would block that very thread (for {@code max.block.ms}): such a result is
 * logged and counted as skipped ({@code newsflow_records_skipped_total{reason="production-error"}})
 * instead; a refusal by the producer itself (too large) is reported on the stream thread and
 * dead-lettered.
 *
 * <p>Not handled here, on purpose: a schema registry outage while serializing (the result is
 * fine; the thread fails and is retried from its last commit, see {@code ThreadFailures}), and
 * retriable send errors (Kafka Streams retries them). A dead letter that cannot be written is
 * dropped and counted ({@code newsflow_records_skipped_total}) rather than dead-lettered again.
 * Under exactly-once a send that failed aborts the transaction whatever this handler answers,
 * so there the limits checked before sending (event-time window, dead-letter truncation) are what
 * keeps a record from failing twice.
 */
public final class DeadLetterProductionHandler implements ProductionExceptionHandler {

    private ErrorDeadLetters deadLetters;

    @Override
    public void configure(Map<String, ?> configs) {
        deadLetters = ErrorDeadLetters.from(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
        if (exception instanceof RetriableException) {
            return Response.retry();
        }
        if (Thread.currentThread().getName().startsWith(KafkaProducer.NETWORK_THREAD_PREFIX)) {
            System.err.println("Result refused by the broker, skipped: " + record.topic() + " from " + context.topic()
                    + "/" + context.partition() + "@" + context.offset() + ": " + DeadLetters.describe(exception));
            deadLetters.skipped(PipelineMetrics.PRODUCTION_ERROR);
            return Response.resume();
        }
        return deadLetter(context, record.topic(), record.key(), record.value(), exception);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Response handleSerializationError(ErrorHandlerContext context, ProducerRecord record, Exception exception,
            SerializationExceptionOrigin origin) {
        if (RegistryFaults.isOutage(exception)) {
            return Response.fail();
        }
        return deadLetter(context, record.topic(), null, null, exception);
    }

    private Response deadLetter(ErrorHandlerContext context, String topic, byte[] key, byte[] value, Exception exception) {
        if (Topics.DEAD_LETTERS.equals(topic)) {
            return skip();
        }
        try {
            return Response.resume(List.of(deadLetters.of(context, DeadLetterReason.PRODUCTION_ERROR,
                    "could not write to " + topic + ": " + DeadLetters.describe(exception), key, value)));
        } catch (RuntimeException e) {
            return RegistryFaults.isOutage(e) ? Response.fail() : skip();
        }
    }

    private Response skip() {
        deadLetters.skipped(PipelineMetrics.DEAD_LETTER_NOT_WRITTEN);
        return Response.resume();
    }
}
