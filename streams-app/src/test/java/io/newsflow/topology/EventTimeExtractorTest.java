package io.newsflow.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.newsflow.avro.PriceTick;
import io.newsflow.serde.AvroSerdeConfig;
import io.newsflow.topology.dlq.Decoded;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class EventTimeExtractorTest {

    private final TopologySerdes serdes = TopologySerdes.avro(
            Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://extractor-test"));
    private final EventTimeExtractor<PriceTick> extractor = new EventTimeExtractor<>(PriceTick.class,
            PriceTick::getEventTime);

    @Test
    void theTimestampIsTheTicksEventTimeNotTheKafkaTimestamp() {
        Instant eventTime = Instant.parse("2025-10-30T13:30:00Z");
        byte[] bytes = serdes.priceTick().serializer().serialize("t",
                PriceTick.newBuilder().setSymbol("META").setPrice(1).setSize(1).setEventTime(eventTime).build());
        assertEquals(eventTime.toEpochMilli(), extractor.extract(record(bytes, 99L), 5L));
    }

    @Test
    void anUndecodableRecordGetsThePartitionTimeSoItIsKeptButDoesNotMoveTime() {
        assertEquals(5L, extractor.extract(record(new byte[] {1, 2, 3}, 99L), 5L));
        assertEquals(99L, extractor.extract(record(new byte[] {1, 2, 3}, 99L), -1L));
    }

    /** The record as the extractor sees it: its value decoded by the input's source. */
    private ConsumerRecord<Object, Object> record(byte[] value, long timestamp) {
        Decoded decoded = Decoded.serde(serdes.priceTick().deserializer()).deserializer().deserialize("t", value);
        return new ConsumerRecord<>("t", 0, 0L, timestamp, TimestampType.CREATE_TIME,
                0, value.length, null, decoded, new RecordHeaders(), Optional.empty());
    }
}
