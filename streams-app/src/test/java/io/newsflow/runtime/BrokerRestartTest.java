package io.newsflow.runtime;

import static io.newsflow.Waits.await;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.config.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code newsflow broker --data-dir DIR} killed with SIGKILL mid-stream and restarted loses nothing committed. */
@Tag("broker")
class BrokerRestartTest {

    private static final String STREAM = "restart.stream";
    private static final String TRANSACTIONS = "restart.transactions";
    private static final String GROUP = "restart-reader";
    private static final Duration WAIT = Duration.ofMinutes(2);

    @TempDir
    Path dir;

    @Test
    void aKilledBrokerRestartsWithItsTopicsRecordsOffsetsAndTransactions() throws Exception {
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean producing = new AtomicBoolean(true);
        String clusterId;
        long committedOffset;
        Thread producer;

        BrokerProcess broker = BrokerProcess.start(dir);
        try (Admin admin = admin(broker)) {
            clusterId = admin.describeCluster().clusterId().get();
            admin.createTopics(List.of(new NewTopic(STREAM, 3, (short) 1), new NewTopic(TRANSACTIONS, 1, (short) 1)))
                    .all().get();
            writeTransactions(broker);
            committedOffset = commitOffsetOfAReader(broker);
            String bootstrap = broker.bootstrapServers();
            producer = new Thread(() -> produceUntilStopped(bootstrap, acknowledged, producing));
            producer.start();
            awaitAcknowledged(acknowledged, 300);
        }

        broker.kill();
        int beforeRestart = acknowledged.size();
        broker = broker.restart();
        try (Admin admin = admin(broker)) {
            // The producer carries on against the restarted broker (same address, same cluster).
            awaitAcknowledged(acknowledged, beforeRestart + 300);
            producing.set(false);
            producer.join(WAIT.toMillis());

            assertEquals(clusterId, admin.describeCluster().clusterId().get(), "same cluster after the restart");
            Set<String> topics = admin.listTopics().names().get();
            assertTrue(topics.containsAll(Topics.all()) && topics.contains(STREAM), String.valueOf(topics));
            OffsetAndMetadata offset = admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get()
                    .get(new TopicPartition(TRANSACTIONS, 0));
            assertEquals(committedOffset, offset == null ? -1 : offset.offset(), "the reader's committed offset");
            assertEquals(List.of("committed-0", "committed-1", "committed-2"), readCommitted(broker, TRANSACTIONS),
                    "committed transaction kept, aborted one invisible");
            Set<String> stored = new HashSet<>(readCommitted(broker, STREAM));
            Set<String> lost = new HashSet<>(acknowledged);
            lost.removeAll(stored);
            assertTrue(lost.isEmpty(), lost.size() + " acknowledged records lost of " + acknowledged.size()
                    + " (" + beforeRestart + " acknowledged before the kill)");
        } finally {
            producing.set(false);
            broker.close();
        }
    }

    private static Admin admin(BrokerProcess broker) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }

    /** One committed and one aborted transaction. */
    private static void writeTransactions(BrokerProcess broker) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "restart-writer"), new StringSerializer(), new StringSerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            for (int i = 0; i < 3; i++) {
                producer.send(new ProducerRecord<>(TRANSACTIONS, "k", "committed-" + i));
            }
            producer.commitTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(TRANSACTIONS, "k", "aborted"));
            producer.flush();
            producer.abortTransaction();
        }
    }

    /** A consumer group that read the transactions topic and committed its position. */
    private static long commitOffsetOfAReader(BrokerProcess broker) {
        try (KafkaConsumer<String, String> consumer = consumer(broker, GROUP)) {
            consumer.subscribe(List.of(TRANSACTIONS));
            int read = 0;
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (read < 3 && System.nanoTime() < deadline) {
                read += consumer.poll(Duration.ofMillis(200)).count();
            }
            consumer.commitSync();
            return consumer.committed(Set.of(new TopicPartition(TRANSACTIONS, 0))).get(new TopicPartition(TRANSACTIONS, 0)).offset();
        }
    }

    /** Sends numbered records until stopped; a record counts once the broker acknowledged it (acks=all). */
    private static void produceUntilStopped(String bootstrap, Set<String> acknowledged, AtomicBoolean producing) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) WAIT.toMillis(),
                ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) WAIT.toMillis()), new StringSerializer(), new StringSerializer())) {
            for (int i = 0; producing.get(); i++) {
                String value = "record-" + i;
                producer.send(new ProducerRecord<>(STREAM, value, value), (metadata, e) -> {
                    if (e == null) {
                        acknowledged.add(value);
                    }
                });
                Thread.sleep(2);
            }
            producer.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitAcknowledged(Set<String> acknowledged, int count) {
        await("records acknowledged").atMost(WAIT).pollInterval(Duration.ofMillis(50))
                .until(acknowledged::size, greaterThanOrEqualTo(count));
    }

    private static KafkaConsumer<String, String> consumer(BrokerProcess broker, String group) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new StringDeserializer());
    }

    private static List<String> readCommitted(BrokerProcess broker, String topic) {
        try (KafkaConsumer<String, String> consumer = consumer(broker, "check-" + topic)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<String> values = new java.util.ArrayList<>();
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    values.add(r.value());
                }
            }
            return values;
        }
    }
}
