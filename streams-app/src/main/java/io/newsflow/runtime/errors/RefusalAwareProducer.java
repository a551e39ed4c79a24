package io.newsflow.runtime.errors;

import io.newsflow.topology.dlq.Origin;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The Kafka Streams producer, except that a result refused before ({@link RefusedWrites}) is not
 * sent again: its callback is told at once, on the calling stream thread, with a
 * {@link RefusedWriteException}. The transaction in flight is untouched (a send the producer itself
 * refuses would make it abort), so the dead letter the handler answers is committed in its place.
 *
 * <p>It also keeps the {@link Origin} header inside the pipeline: a record leaves without it unless it
 * goes to a repartition topic, where the next step needs it. Kafka Streams tells the production handler
 * about the record as it was given (header included), so the dead letter of a refused result names the
 * input it came from even when it was written later, for another record (a held alert or credit view).
 */
final class RefusalAwareProducer extends KafkaProducer<byte[], byte[]> {

    /** Kafka Streams' suffix of its repartition topics. */
    private static final String REPARTITION = "-repartition";

    private final RefusedWrites refused;
    private final FencedThreads fencedThreads;
    /** Whether this transaction's fencing was told already (every send of it reports it again). */
    private volatile boolean fencingTold;

    RefusalAwareProducer(Map<String, Object> configs, RefusedWrites refused, FencedThreads fencedThreads) {
        super(configs, new ByteArraySerializer(), new ByteArraySerializer());
        this.refused = refused;
        this.fencedThreads = fencedThreads;
    }

    @Override
    public void beginTransaction() {
        fencingTold = false;
        super.beginTransaction();
    }

    @Override
    public void sendOffsetsToTransaction(Map<TopicPartition, OffsetAndMetadata> offsets,
            ConsumerGroupMetadata groupMetadata) {
        try {
            super.sendOffsetsToTransaction(offsets, groupMetadata);
        } catch (RuntimeException e) {
            tellIfFenced(e);
            throw e;
        }
    }

    @Override
    public void commitTransaction() {
        try {
            super.commitTransaction();
        } catch (RuntimeException e) {
            tellIfFenced(e);
            throw e;
        }
    }

    /** Once per transaction: Kafka Streams handles a fencing itself, so only here is it seen. */
    private void tellIfFenced(Exception e) {
        if (fencedThreads != null && !fencingTold && FencedThreads.isFencing(e)) {
            fencingTold = true;
            fencedThreads.fenced(e);
        }
    }

    @Override
    public Future<RecordMetadata> send(ProducerRecord<byte[], byte[]> record, Callback callback) {
        Optional<Exception> before = refused.refusal(record);
        if (before.isEmpty()) {
            return super.send(record.topic().endsWith(REPARTITION) ? record : withoutOrigin(record),
                    (metadata, exception) -> {
                        if (exception != null) {
                            tellIfFenced(exception);
                        }
                        if (callback != null) {
                            callback.onCompletion(metadata, exception);
                        }
                    });
        }
        RefusedWriteException exception = new RefusedWriteException(before.get());
        if (callback != null) {
            callback.onCompletion(null, exception);
        }
        return CompletableFuture.failedFuture(exception);
    }

    /** Writes the dead letters made on the network thread ({@link RefusedWrites#writeLater}) first. */
    @Override
    public void flush() {
        for (RefusedWrites.Later later : refused.takeLater()) {
            super.send(later.deadLetter(), (metadata, exception) -> {
                if (exception != null) {
                    later.ifNotWritten().run();
                }
            });
        }
        super.flush();
    }

    private static ProducerRecord<byte[], byte[]> withoutOrigin(ProducerRecord<byte[], byte[]> record) {
        Headers headers = Origin.strip(record.headers());
        return headers == record.headers() ? record : new ProducerRecord<>(record.topic(), record.partition(),
                record.timestamp(), record.key(), record.value(), headers);
    }
}
