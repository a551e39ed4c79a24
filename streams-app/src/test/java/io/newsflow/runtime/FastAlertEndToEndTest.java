package io.newsflow.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.avro.PriceMoveAlert;
import io.newsflow.avro.PriceTick;
import io.newsflow.config.AppConfig;
import io.newsflow.config.Topics;
import io.newsflow.serde.registry.MockSchemaRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The alert contract on a real broker, exactly-once, with one partition of the ticks trading and the
 * others quiet (Tokyo symbols during the New York session): a sharp-move alert is written with its tick,
 * by the sub-topology that reads only the ticks, without waiting for the news watermark, which cannot
 * move while partitions are quiet. Its news context follows on {@code alerts.price-move-context}, keyed
 * by the alert id, once every partition's ticks have moved the news and deal watermarks past it.
 * {@code watermark.idle.timeout} is an hour here, so nothing in this test can be released by the idle escape.
 */
@Tag("broker")
class FastAlertEndToEndTest {

    @Test
    void anAlertIsWrittenWhileOtherPartitionsAreQuietAndItsContextFollowsKeyedByTheAlertId() throws Exception {
        String scope = "fast-alert-" + UUID.randomUUID();
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start()) {
            AppConfig config = RunningApp.config(broker.bootstrapServers(), "mock://" + scope, "newsflow-fast-alert",
                    Map.of("watermark.idle.timeout", "1h", "alerts.windows", "5m", "alerts.thresholds", "0.03"));
            try (RunningApp running = new RunningApp(config);
                    KafkaConsumer<byte[], byte[]> alerts = running.consumer(Topics.PRICE_ALERTS);
                    KafkaConsumer<byte[], byte[]> contexts = running.consumer(Topics.PRICE_ALERT_CONTEXT)) {
                Serializer<Object> avro = AvroSerdes.valueSerializer(config);
                Deserializer<PriceMoveAlert> reader = AvroSerdes.<PriceMoveAlert>valueSerde(config).deserializer();
                int partitions = running.producer.partitionsFor(Topics.PRICE_TICKS).size();
                assertTrue(partitions > 1, "needs quiet partitions: " + partitions);
                Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

                // one symbol trading on partition 0, the other partitions quiet: +11 % within a second
                tick(running, avro, "AMZN", 0, 100.0, now.minusSeconds(1));
                tick(running, avro, "AMZN", 0, 111.0, now);

                List<ConsumerRecord<byte[], byte[]>> written = new ArrayList<>();
                running.await(() -> {
                    alerts.poll(Duration.ofMillis(200)).forEach(written::add);
                    return !written.isEmpty();
                }, "the alert, read_committed, with the other partitions quiet");
                PriceMoveAlert alert = reader.deserialize(Topics.PRICE_ALERTS, written.get(0).value());
                assertEquals("AMZN", new String(written.get(0).key(), StandardCharsets.UTF_8));
                assertEquals("AMZN|5m|" + now.minusSeconds(1).toEpochMilli(), alert.getAlertId());
                assertEquals(now, alert.getTriggeredAt());
                assertEquals(List.of(), alert.getRecentArticleIds(), "the alert carries the price facts only");
                assertTrue(contexts.poll(Duration.ofSeconds(1)).isEmpty(),
                        "the context waits for the news watermark, held by the quiet partitions");

                // every partition trades two minutes later: the news and deal watermarks pass the context
                for (int p = 0; p < partitions; p++) {
                    tick(running, avro, SymbolsByPartition.on("CLOCK", p, partitions), p, 50.0, now.plus(Duration.ofMinutes(2)));
                }
                List<ConsumerRecord<byte[], byte[]>> followed = new ArrayList<>();
                running.await(() -> {
                    contexts.poll(Duration.ofMillis(200)).forEach(followed::add);
                    return !followed.isEmpty();
                }, "the alert's context");
                assertEquals(1, followed.size(), "one context per alert");
                assertEquals(alert.getAlertId(), new String(followed.get(0).key(), StandardCharsets.UTF_8));
                PriceMoveAlert completed = reader.deserialize(Topics.PRICE_ALERT_CONTEXT, followed.get(0).value());
                assertEquals(alert, PriceMoveAlert.newBuilder(completed).setRecentSentiment(null).setRecentArticleCount(0)
                        .setRecentArticleIds(List.of()).setOpenBondDeals(List.of()).build(), "the same alert, completed");
            }
        } finally {
            MockSchemaRegistry.dropScope(scope);
        }
    }

    private static void tick(RunningApp running, Serializer<Object> avro, String symbol, int partition, double price,
            Instant time) throws Exception {
        PriceTick value = PriceTick.newBuilder().setSymbol(symbol).setPrice(price).setSize(10).setEventTime(time).build();
        running.send(Topics.PRICE_TICKS, partition, symbol.getBytes(StandardCharsets.UTF_8),
                avro.serialize(Topics.PRICE_TICKS, value));
    }
}
