package io.newsflow.runtime.errors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.newsflow.config.Topics;
import io.newsflow.topology.dlq.DeadLetterReason;
import io.newsflow.topology.dlq.DeadLetters;
import io.newsflow.topology.dlq.Origin;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;

/**
 * {@code production.exception.handler}: a result the producer or the broker refuses (too large, a
 * timestamp out of the broker's range, an invalid record) becomes a {@link DeadLetterReason#PRODUCTION_ERROR}
 * dead letter of its input record, carrying the result, and processing goes on; Kafka Streams'
 * default would fail the stream thread, which then re-reads the same input and fails again, forever.
 *
 * <p>Kafka Streams writes a handler's dead letters from where the failure is reported, and a
 * refusal can be answered by a dead letter only where that write can succeed:
 * <ul>
 *   <li>refused by the producer itself (too large), under at-least-once: reported on the stream
 *       thread, dead-lettered at once;</li>
 *   <li>refused by the broker (reported on the producer's network thread, where a send could block
 *       that very thread), or by the producer under exactly-once (the transaction aborts whatever
 *       this answers): the result is remembered ({@link RefusedWrites}) and the thread fails; its
 *       replacement processes the input again from the last commit, the result is not sent
 *       ({@link RefusalAwareProducer}) and comes back here as a {@link RefusedWriteException} on the
 *       stream thread, where it is dead-lettered, inside the transaction under exactly-once;</li>
 *   <li>a released held alert or credit view refused by the broker under at-least-once: its release is
 *       in the changelog already, so processing its watermark again would not release it again; it names
 *       its input itself (the {@code Origin} header), so its dead letter is made here and written by the
 *       producer on the stream thread at its next flush ({@link RefusedWrites#writeLater}).</li>
 * </ul>
 * A record that only shared a refused batch fails the thread too, so that it is sent again.
 *
 * <p>Not handled here, on purpose: a schema registry outage while serializing (the result is
 * fine; the thread fails and is retried from its last commit, see {@code ThreadFailures}), and
 * retriable send errors (Kafka Streams retries them). A dead letter that cannot be written is
 * dropped and counted ({@code newsflow_records_skipped_total}) rather than dead-lettered again.
 */
public final class DeadLetterProductionHandler extends DeadLetteringHandler implements ProductionExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterProductionHandler.class);

    private RefusedWrites refused;
    private boolean exactlyOnce;

    public DeadLetterProductionHandler() {
        super(Unwritable.IS_DROPPED);
    }

    @Override
    public void configure(Map<String, ?> configs) {
        super.configure(configs);
        refused = RefusedWrites.from(configs);
        Object guarantee = configs.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG);
        exactlyOnce = guarantee != null && guarantee.toString().startsWith("exactly_once");
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
        if (exception instanceof RetriableException) {
            return Response.retry();
        }
        if (exception instanceof RefusedWriteException again) {
            return deadLetter(context, record.topic(), record.key(), record.value(), again.firstRefusal());
        }
        boolean onNetworkThread = Thread.currentThread().getName().startsWith(KafkaProducer.NETWORK_THREAD_PREFIX);
        if (!exactlyOnce && !onNetworkThread) {
            return deadLetter(context, record.topic(), record.key(), record.value(), exception);
        }
        if (RefusedWrites.isOwnFault(record, exception)) {
            Optional<Origin> released = exactlyOnce ? Optional.empty() : Origin.of(record.headers());
            if (released.isPresent()) {
                return deadLetterLater(released.get(), record, exception);
            }
            refused.remember(record, exception);
        }
        LOG.warn("Result refused, failing the stream thread to dead-letter it when its input is processed again: "
                + record.topic() + ": " + DeadLetters.describe(exception));
        return Response.fail();
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Response handleSerializationError(ErrorHandlerContext context, ProducerRecord record, Exception exception,
            SerializationExceptionOrigin origin) {
        if (failsOnOutage(context, exception)) {
            return Response.fail();
        }
        return deadLetter(context, record.topic(), null, null, exception);
    }

    private Response deadLetter(ErrorHandlerContext context, String topic, byte[] key, byte[] value, Exception exception) {
        if (Topics.DEAD_LETTERS.equals(topic)) {
            return Response.resume(dropped());
        }
        return deadLetter(context, DeadLetterReason.PRODUCTION_ERROR,
                "could not write to " + topic + ": " + DeadLetters.describe(exception), key, value)
                .map(Response::resume).orElseGet(Response::fail);
    }

    /**
     * A released held output (it names its input, {@link Origin}) refused by the broker under at-least-once:
     * processing the watermark that released it again would not release it again (its release is in the
     * changelog already), so it is not failed for a replay; its dead letter is written at the next commit.
     */
    private Response deadLetterLater(Origin origin, ProducerRecord<byte[], byte[]> record, Exception exception) {
        try {
            refused.writeLater(deadLetters().of(origin, record.timestamp(), DeadLetterReason.PRODUCTION_ERROR,
                    "could not write to " + record.topic() + ": " + DeadLetters.describe(exception), record.key(),
                    record.value()), this::dropped);
            return Response.resume();
        } catch (RuntimeException e) {
            return Response.resume(dropped());
        }
    }
}
