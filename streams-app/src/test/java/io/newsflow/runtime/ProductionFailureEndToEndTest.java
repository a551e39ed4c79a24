package io.newsflow.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.avro.DeadLetter;
import io.newsflow.avro.PriceTick;
import io.newsflow.config.AppConfig;
import io.newsflow.config.Topics;
import io.newsflow.serde.registry.MockSchemaRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A result the broker refuses is a {@code PRODUCTION_ERROR} dead letter of its input, counted, and
 * the partition goes on, under both profiles: under exactly-once the refusal aborts the transaction
 * whatever a handler answers, so the result is remembered, the input processed again and the
 * result dead-lettered in its place. Kafka Streams' default handler failed the stream thread, which
 * re-read the tick and failed again, forever; under exactly-once so did a handler answering "resume".
 */
class ProductionFailureEndToEndTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"exactly_once_v2", "at_least_once"})
    void anAlertTheBrokerRefusesAsTooLargeIsDeadLetteredAndTheSymbolGoesOn(String guarantee) throws Exception {
        refusedAlertIsDeadLetteredAndTheSymbolGoesOn(guarantee, TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "100",
                Map.of(), Duration.ZERO, "RecordTooLargeException");
    }

    /**
     * Ticks half an hour ahead pass the decode step's window (set to a day here) but not the alerts
     * topic's {@code message.timestamp.after.max.ms} (a minute): the alert inherits their timestamp.
     */
    @Test
    void anAlertWithATimestampTheBrokerRefusesIsDeadLetteredUnderExactlyOnce() throws Exception {
        refusedAlertIsDeadLetteredAndTheSymbolGoesOn("exactly_once_v2", TopicConfig.MESSAGE_TIMESTAMP_AFTER_MAX_MS_CONFIG,
                "60000", Map.of("input.max.future.skew", "1d"), Duration.ofMinutes(30),
                "InvalidRecordException: Timestamp"); // the broker's per-record answer: INVALID_TIMESTAMP with its message
    }

    private static void refusedAlertIsDeadLetteredAndTheSymbolGoesOn(String guarantee, String alertsTopicConfig,
            String alertsTopicValue, Map<String, String> overrides, Duration ahead, String refusal) throws Exception {
        String scope = "production-" + UUID.randomUUID();
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start()) {
            Map<String, String> settings = new java.util.HashMap<>(overrides);
            settings.put("processing.guarantee", guarantee);
            // the tick step writes the alert itself, in the task of the tick that completed the move; with the
            // default (true) the alert waits for the news watermark, which one symbol's ticks on one partition
            // never move, and is released by the idle escape, not by this tick
            settings.put("news.context.wait", "false");
            AppConfig config = RunningApp.config(broker.bootstrapServers(), "mock://" + scope,
                    "newsflow-production-failure", settings);
            TopicBootstrap.ensureAll(broker.bootstrapServers(), config);
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
                ConfigResource alerts = new ConfigResource(ConfigResource.Type.TOPIC, Topics.PRICE_ALERTS);
                admin.incrementalAlterConfigs(Map.of(alerts, List.of(new AlterConfigOp(
                        new ConfigEntry(alertsTopicConfig, alertsTopicValue), AlterConfigOp.OpType.SET))))
                        .all().get();
            }
            try (RunningApp running = new RunningApp(config)) {
                Serializer<Object> avro = AvroSerdes.valueSerializer(config);
                Instant now = Instant.now().plus(ahead);
                // a 10% move within a second: an alert
                long alerting = -1;
                for (Object[] tick : new Object[][] {{100.0, now.minusSeconds(2)}, {110.0, now.minusSeconds(1)},
                        {111.75, now}}) {
                    PriceTick value = PriceTick.newBuilder().setSymbol("AMZN").setPrice((double) tick[0]).setSize(10)
                            .setEventTime((Instant) tick[1]).build();
                    long offset = running.send(Topics.PRICE_TICKS, "AMZN".getBytes(StandardCharsets.UTF_8),
                            avro.serialize(Topics.PRICE_TICKS, value));
                    alerting = tick[0].equals(110.0) ? offset : alerting;
                }
                long alertingTick = alerting;

                DeadLetter letter = running.awaitDeadLetter(l -> l.getReason().equals("PRODUCTION_ERROR"));
                assertEquals(Topics.PRICE_TICKS, letter.getSourceTopic(), "names the input of the refused alert");
                assertTrue(letter.getOffset() >= alertingTick, "the tick that completed the move: " + letter.getOffset());
                assertTrue(letter.getDetail().startsWith("could not write to " + Topics.PRICE_ALERTS + ": " + refusal),
                        letter.getDetail());
                assertTrue(letter.getPayload() != null && letter.getPayload().remaining() > 0, "carries the alert");
                assertTrue(running.counter("newsflow.dead.letters", "reason", "PRODUCTION_ERROR") >= 1);

                PriceTick later = PriceTick.newBuilder().setSymbol("AMZN").setPrice(112.5).setSize(10)
                        .setEventTime(now.plusSeconds(1)).build();
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
