package io.newsflow.runtime.errors;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.errors.RetriableException;

/**
 * The results the producer or the broker refused for their own content (too large, a timestamp out
 * of the broker's range, an invalid record), remembered for when their input is processed again.
 *
 * <p>Under exactly-once a refused write aborts the whole transaction, whatever a production
 * exception handler answers, and the input is processed again: the same result is refused again,
 * forever. So the handler remembers the refused result and fails the stream thread; when the
 * result comes again, {@link RefusalAwareProducer} does not send it but reports it refused at once,
 * on the stream thread and inside the new transaction, where the handler writes a dead letter
 * instead. Under at-least-once, a result the broker refuses is reported on the producer's network
 * thread, where no dead letter can be written safely: the same way round makes it one too.
 *
 * <p>A result is known by topic, partition (as Kafka Streams gives it), key and timestamp, which the
 * same input gives again (the value may not be byte for byte the same: the news context of an
 * alert depends on timing). An entry is kept after it has been asked for: the transaction that
 * carries the dead letter may abort for another reason (a second refused result), and then the
 * input is processed again. The {@link #CAPACITY} most recently used are kept. A later result with
 * the same topic, partition, key and timestamp is dead-lettered too (it would carry the same event).
 */
public final class RefusedWrites {

    /** Streams configuration entry holding the app's instance (an object, not a string). */
    public static final String CONFIG = "newsflow.refused.writes";
    static final int CAPACITY = 1_000;

    private record Write(String topic, Integer partition, ByteBuffer key, Long timestamp) {
        static Write of(ProducerRecord<byte[], byte[]> record) {
            return new Write(record.topic(), record.partition(),
                    record.key() == null ? null : ByteBuffer.wrap(record.key()), record.timestamp());
        }
    }

    private final Map<Write, Exception> refused = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Write, Exception> eldest) {
            return size() > CAPACITY;
        }
    };

    private final List<Later> later = new ArrayList<>();

    static RefusedWrites from(Map<String, ?> configs) {
        Object value = configs.get(CONFIG);
        if (value instanceof RefusedWrites writes) {
            return writes;
        }
        throw new ConfigException(CONFIG, value, "the newsflow production handler needs the app's RefusedWrites");
    }

    /**
     * A refusal caused by the record itself: a non-retriable error of the Kafka protocol. A record that
     * only shared a batch with such a record fails with a plain {@code KafkaException}, and a changelog
     * record is state, which a dead letter cannot stand for: neither is remembered.
     */
    static boolean isOwnFault(ProducerRecord<byte[], byte[]> record, Exception exception) {
        return exception instanceof ApiException && !(exception instanceof RetriableException)
                && !(exception instanceof RefusedWriteException) && !record.topic().endsWith("-changelog");
    }

    /**
     * A dead letter to write from the stream thread, at the producer's next flush (a commit): made where no
     * send is safe (the producer's network thread), for a result that names its input itself ({@link
     * io.newsflow.topology.dlq.Origin}) and that processing the input again would not produce again.
     */
    synchronized void writeLater(ProducerRecord<byte[], byte[]> deadLetter, Runnable ifNotWritten) {
        later.add(new Later(deadLetter, ifNotWritten));
    }

    /** The dead letters waiting for the stream thread, taken. */
    synchronized List<Later> takeLater() {
        List<Later> taken = List.copyOf(later);
        later.clear();
        return taken;
    }

    /** A dead letter waiting, and what to do if it cannot be written either. */
    record Later(ProducerRecord<byte[], byte[]> deadLetter, Runnable ifNotWritten) {
    }

    synchronized void remember(ProducerRecord<byte[], byte[]> record, Exception exception) {
        refused.put(Write.of(record), exception);
    }

    /** Why {@code record} was refused before, if it was. */
    synchronized Optional<Exception> refusal(ProducerRecord<byte[], byte[]> record) {
        return Optional.ofNullable(refused.get(Write.of(record)));
    }
}
