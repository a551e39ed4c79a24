package io.newsflow.runtime.errors;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The Kafka Streams producer, except that a result refused before ({@link RefusedWrites}) is not
 * sent again: its callback is told at once, on the calling stream thread, with a
 * {@link RefusedWriteException}. The transaction in flight is untouched (a send the producer itself
 * refuses would make it abort), so the dead letter the handler answers is committed in its place.
 */
final class RefusalAwareProducer extends KafkaProducer<byte[], byte[]> {

    private final RefusedWrites refused;

    RefusalAwareProducer(Map<String, Object> configs, RefusedWrites refused) {
        super(configs, new ByteArraySerializer(), new ByteArraySerializer());
        this.refused = refused;
    }

    @Override
    public Future<RecordMetadata> send(ProducerRecord<byte[], byte[]> record, Callback callback) {
        Optional<Exception> before = refused.refusal(record);
        if (before.isEmpty()) {
            return super.send(record, callback);
        }
        RefusedWriteException exception = new RefusedWriteException(before.get());
        if (callback != null) {
            callback.onCompletion(null, exception);
        }
        return CompletableFuture.failedFuture(exception);
    }
}
