package io.newsflow.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.avro.PriceTick;
import io.newsflow.config.Topics;
import io.newsflow.serde.KafkaAvroDeserializer;
import io.newsflow.serde.KafkaAvroSerializer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class RecordPublisherTest {

    private final Map<String, Object> serdeConfig =
            Map.of("schema.registry.url", "mock://publisher-" + UUID.randomUUID(), "specific.avro.reader", true);

    private static final PriceTick TICK = PriceTick.newBuilder().setSymbol("META").setPrice(751.7).setSize(100)
            .setEventTime(Instant.parse("2025-10-29T20:00:00Z")).build();

    private KafkaAvroSerializer serializer() {
        KafkaAvroSerializer s = new KafkaAvroSerializer();
        s.configure(serdeConfig, false);
        return s;
    }

    @Test
    void producerConfigUsesStringKeysAndTheProjectSerdeUnlessAnotherIsNamed() {
        Map<String, Object> dflt = RecordPublisher.producerProperties(Map.of("bootstrap.servers", "b:9092"));
        Map<String, Object> swapped = RecordPublisher.producerProperties(Map.of(
                RecordPublisher.VALUE_SERIALIZER_CLASS, "io.confluent.kafka.serializers.KafkaAvroSerializer"));

        assertEquals(StringSerializer.class.getName(), dflt.get(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG));
        assertEquals("io.newsflow.serde.KafkaAvroSerializer", dflt.get(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG));
        assertEquals("b:9092", dflt.get("bootstrap.servers"));
        assertEquals("io.confluent.kafka.serializers.KafkaAvroSerializer",
                swapped.get(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG));
        assertFalse(swapped.containsKey(RecordPublisher.VALUE_SERIALIZER_CLASS));
    }

    @Test
    void publishesWithKeyAndEventTimeAsRecordTimestampAndAvroThatReadsBack() {
        MockProducer<String, Object> producer = new MockProducer<>(true, null, new StringSerializer(), serializer());
        RecordPublisher publisher = new RecordPublisher(producer);

        publisher.publish(Topics.PRICE_TICKS, "META", TICK, TICK.getEventTime());
        publisher.flush();

        ProducerRecord<String, Object> sent = producer.history().get(0);
        assertEquals(Topics.PRICE_TICKS, sent.topic());
        assertEquals("META", sent.key());
        assertEquals(TICK.getEventTime().toEpochMilli(), sent.timestamp());
        assertEquals(Map.of(Topics.PRICE_TICKS, 1L), publisher.ackedCounts());

        byte[] bytes = serializer().serialize(Topics.PRICE_TICKS, sent.value());
        KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
        deserializer.configure(serdeConfig, false);
        assertEquals(TICK, deserializer.deserialize(Topics.PRICE_TICKS, bytes));
    }

    @Test
    void failedSendsAreCountedWithTheirFirstError() {
        MockProducer<String, Object> producer = new MockProducer<>(false, null, new StringSerializer(), serializer());
        RecordPublisher publisher = new RecordPublisher(producer);

        publisher.publish(Topics.PRICE_TICKS, "META", TICK, TICK.getEventTime());
        publisher.publish(Topics.PRICE_TICKS, "META", TICK, TICK.getEventTime());
        producer.completeNext();
        producer.errorNext(new IllegalStateException("broker gone"));

        assertEquals(Map.of(Topics.PRICE_TICKS, 1L), publisher.ackedCounts());
        assertEquals(Map.of(Topics.PRICE_TICKS, 1L), publisher.failedCounts());
        assertTrue(publisher.firstErrors().get(Topics.PRICE_TICKS).contains("broker gone"));
    }

    @Test
    void aValueTheSerializerRefusesIsCountedAsFailedNotThrown() {
        MockProducer<String, Object> producer = new MockProducer<>(true, null, new StringSerializer(), serializer());
        RecordPublisher publisher = new RecordPublisher(producer);

        publisher.publish(Topics.PRICE_TICKS, "META", List.of("neither Avro nor a primitive"), Instant.EPOCH);

        assertEquals(Map.of(Topics.PRICE_TICKS, 1L), publisher.failedCounts());
        assertEquals(List.of(), producer.history());
    }
}
