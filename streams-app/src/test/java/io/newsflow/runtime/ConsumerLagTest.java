package io.newsflow.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The lag of a group counts records, not offsets: a transaction's marker and an aborted transaction's
 * records (a crashed instance's) at the end of a partition are nothing to process, and Kafka Streams
 * commits past them only when a later record comes. Without the clients' settings the lag counts offsets.
 */
@Tag("broker")
class ConsumerLagTest {

    @RegisterExtension
    static final BrokerExtension broker = new BrokerExtension();

    @Test
    void markersAndAbortedRecordsAfterTheCommittedOffsetAreNotLag() throws Exception {
        try (Admin admin = admin()) {
            String topic = newTopic(admin);
            String group = "group-" + UUID.randomUUID();
            try (KafkaProducer<String, String> producer = transactional()) {
                RecordMetadata last = inTransaction(producer, topic, 3, true);
                commit(admin, group, topic, last.offset() + 1); // what a consumer commits before it reads the marker
                inTransaction(producer, topic, 2, false); // a crashed instance's transaction, aborted
            }

            assertEquals(4, new ConsumerLag(admin).of(group, List.of(topic)), "offsets: a marker, two records, a marker");
            assertEquals(0, new ConsumerLag(admin, clientSettings()).of(group, List.of(topic)), "records");
        }
    }

    @Test
    void committedRecordsAfterTheCommittedOffsetAreLag() throws Exception {
        try (Admin admin = admin()) {
            String topic = newTopic(admin);
            String group = "group-" + UUID.randomUUID();
            try (KafkaProducer<String, String> producer = transactional()) {
                RecordMetadata last = inTransaction(producer, topic, 3, true);
                commit(admin, group, topic, last.offset() - 1); // the last two of the three not processed
            }

            assertEquals(2, new ConsumerLag(admin, clientSettings()).of(group, List.of(topic)));
            assertEquals(Map.of(new TopicPartition(topic, 0), 2L),
                    new ConsumerLag(admin, clientSettings()).behindOfApplication(group, List.of(topic)));
        }
    }

    @Test
    void recordsOfAnOpenTransactionAreLag() throws Exception {
        try (Admin admin = admin()) {
            String topic = newTopic(admin);
            String group = "group-" + UUID.randomUUID();
            try (KafkaProducer<String, String> producer = transactional()) {
                RecordMetadata last = inTransaction(producer, topic, 1, true);
                commit(admin, group, topic, last.offset() + 1);
                producer.beginTransaction();
                producer.send(new ProducerRecord<>(topic, 0, "k", "open")).get(); // may yet commit

                assertEquals(1, new ConsumerLag(admin, clientSettings()).of(group, List.of(topic)),
                        "the open record: the reader passes the marker, not the open transaction");
                producer.abortTransaction();
            }
        }
    }

    private static RecordMetadata inTransaction(KafkaProducer<String, String> producer, String topic, int records,
            boolean commit) throws Exception {
        producer.beginTransaction();
        RecordMetadata last = null;
        for (int i = 0; i < records; i++) {
            last = producer.send(new ProducerRecord<>(topic, 0, "k", "v" + i)).get();
        }
        if (commit) {
            producer.commitTransaction();
        } else {
            producer.abortTransaction();
        }
        return last;
    }

    private static void commit(Admin admin, String group, String topic, long offset) throws Exception {
        admin.alterConsumerGroupOffsets(group, Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(offset)))
                .all().get();
    }

    private static KafkaProducer<String, String> transactional() {
        KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "lag-" + UUID.randomUUID()),
                new StringSerializer(), new StringSerializer());
        producer.initTransactions();
        return producer;
    }

    private static String newTopic(Admin admin) throws Exception {
        String topic = "lag-" + UUID.randomUUID();
        admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        return topic;
    }

    private static Map<String, Object> clientSettings() {
        return Map.of("bootstrap.servers", broker.bootstrapServers());
    }

    private static Admin admin() {
        return Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()));
    }
}
