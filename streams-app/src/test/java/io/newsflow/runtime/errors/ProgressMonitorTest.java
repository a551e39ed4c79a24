package io.newsflow.runtime.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.metrics.Degradations;
import io.newsflow.runtime.EmbeddedKafkaBroker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Against a real broker: a lagging partition whose committed offset does not move is reported, and cleared once it moves. */
@Tag("broker")
class ProgressMonitorTest {

    @Test
    void aPartitionWithLagAndNoProgressForTheStallTimeIsDegradedUntilItsCommitMoves() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start()) {
            broker.createTopic("in", 1);
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                    new StringSerializer(), new StringSerializer())) {
                for (int i = 0; i < 3; i++) {
                    producer.send(new ProducerRecord<>("in", "k", "v" + i)).get();
                }
            }
            Map<String, Object> adminProps = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
            AtomicLong clock = new AtomicLong(1_000_000);
            Degradations degradations = new Degradations(clock::get);
            TopicPartition partition = new TopicPartition("in", 0);
            try (Admin admin = Admin.create(adminProps);
                    ProgressMonitor monitor = new ProgressMonitor(Admin.create(adminProps), "app", List.of("in"),
                            Duration.ofMinutes(2), degradations)) {
                admin.alterConsumerGroupOffsets("app", Map.of(partition, new OffsetAndMetadata(1))).all().get();

                assertEquals(List.of(), monitor.sample(clock.get()));
                assertEquals(List.of(), monitor.sample(clock.addAndGet(60_000)), "one minute is not a stall");
                List<String> stalled = monitor.sample(clock.addAndGet(60_000));
                assertEquals(List.of("in-0 at offset 1 (lag 2)"), stalled);
                assertTrue(degradations.current().get(ProgressMonitor.SOURCE).contains("in-0 at offset 1"),
                        degradations.current().toString());

                admin.alterConsumerGroupOffsets("app", Map.of(partition, new OffsetAndMetadata(2))).all().get();
                assertEquals(List.of(), monitor.sample(clock.addAndGet(1_000)));
                assertEquals(Map.of(), degradations.current());
            }
        }
    }
}
