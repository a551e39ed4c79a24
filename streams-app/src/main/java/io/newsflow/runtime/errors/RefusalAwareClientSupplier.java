package io.newsflow.runtime.errors;

import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.KafkaClientSupplier;

/** Kafka Streams' clients, with a {@link RefusalAwareProducer} as the producer. */
public final class RefusalAwareClientSupplier implements KafkaClientSupplier {

    private final RefusedWrites refused;
    private final FencedThreads fencedThreads;

    public RefusalAwareClientSupplier(RefusedWrites refused) {
        this(refused, null);
    }

    /** Also tells {@code fencedThreads} when a thread's producer or consumer is fenced. */
    public RefusalAwareClientSupplier(RefusedWrites refused, FencedThreads fencedThreads) {
        this.refused = refused;
        this.fencedThreads = fencedThreads;
    }

    @Override
    public Admin getAdmin(Map<String, Object> config) {
        return Admin.create(config);
    }

    @Override
    public Producer<byte[], byte[]> getProducer(Map<String, Object> config) {
        return new RefusalAwareProducer(config, refused, fencedThreads);
    }

    /** The main consumer tells a failed commit (at-least-once: the thread left the group, its tasks migrated). */
    @Override
    public Consumer<byte[], byte[]> getConsumer(Map<String, Object> config) {
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer()) {
            @Override
            public void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets) {
                try {
                    super.commitSync(offsets);
                } catch (CommitFailedException e) {
                    if (fencedThreads != null) {
                        fencedThreads.fenced(e);
                    }
                    throw e;
                }
            }
        };
    }

    @Override
    public Consumer<byte[], byte[]> getRestoreConsumer(Map<String, Object> config) {
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    @Override
    public Consumer<byte[], byte[]> getGlobalConsumer(Map<String, Object> config) {
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
