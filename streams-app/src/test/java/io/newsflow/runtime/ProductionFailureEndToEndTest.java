package io.newsflow.runtime;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.avro.PriceTick;
import io.newsflow.config.AppConfig;
import io.newsflow.config.Topics;
import io.newsflow.metrics.PipelineMetrics;
import io.newsflow.serde.registry.MockSchemaRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;

/**
 * A result the broker refuses (here: the alerts topic takes no record over 100 bytes) is handled by
 * the production exception handler, counted, and the partition goes on (at-least-once: under
 * exactly-once a refused write aborts the transaction whatever a handler answers). Kafka Streams'
 * default handler failed the stream thread, which re-read the tick and failed again, forever.
 */
class ProductionFailureEndToEndTest {

    @Test
    void anAlertTheBrokerRefusesIsCountedAndTheSymbolGoesOn() throws Exception {
        String scope = "production-" + UUID.randomUUID();
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start()) {
            AppConfig config = RunningApp.config(broker.bootstrapServers(), "mock://" + scope,
                    "newsflow-production-failure", Map.of("processing.guarantee", "at_least_once"));
            TopicBootstrap.ensureAll(broker.bootstrapServers(), config);
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
                ConfigResource alerts = new ConfigResource(ConfigResource.Type.TOPIC, Topics.PRICE_ALERTS);
                admin.incrementalAlterConfigs(Map.of(alerts, List.of(new AlterConfigOp(
                        new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "100"), AlterConfigOp.OpType.SET))))
                        .all().get();
            }
            try (RunningApp running = new RunningApp(config)) {
                Serializer<Object> avro = AvroSerdes.valueSerializer(config);
                Instant now = Instant.now();
                // a 10% move within a second: an alert
                for (Object[] tick : new Object[][] {{100.0, now.minusSeconds(2)}, {110.0, now.minusSeconds(1)},
                        {111.75, now}}) {
                    PriceTick value = PriceTick.newBuilder().setSymbol("AMZN").setPrice((double) tick[0]).setSize(10)
                            .setEventTime((Instant) tick[1]).build();
                    running.send(Topics.PRICE_TICKS, "AMZN".getBytes(StandardCharsets.UTF_8),
                            avro.serialize(Topics.PRICE_TICKS, value));
                }

                running.await(() -> running.counter("newsflow.records.skipped", "reason",
                        PipelineMetrics.PRODUCTION_ERROR) >= 1, "the refused alert is counted");
                PriceTick later = PriceTick.newBuilder().setSymbol("AMZN").setPrice(112.5).setSize(10)
                        .setEventTime(Instant.now()).build();
                running.send(Topics.PRICE_TICKS, "AMZN".getBytes(StandardCharsets.UTF_8),
                        avro.serialize(Topics.PRICE_TICKS, later));
                running.awaitGauge(112.5, "newsflow.price.last", "symbol", "AMZN");
                running.await(() -> running.lag(Topics.PRICE_TICKS) == 0, "every tick committed");
                assertTrue(running.health().startsWith("200"), running.health());
            }
        } finally {
            MockSchemaRegistry.dropScope(scope);
        }
    }
}
