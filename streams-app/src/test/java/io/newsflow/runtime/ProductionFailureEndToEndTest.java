package io.newsflow.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.avro.DeadLetter;
import io.newsflow.avro.PriceMoveAlert;
import io.newsflow.avro.PriceTick;
import io.newsflow.config.AppConfig;
import io.newsflow.config.Topics;
import io.newsflow.serde.registry.MockSchemaRegistry;
import io.newsflow.topology.dlq.Origin;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A result the broker refuses is a {@code PRODUCTION_ERROR} dead letter of its input, counted, and
 * the partition goes on, under both profiles: under exactly-once the refusal aborts the transaction
 * whatever a handler answers, so the result is remembered, the input processed again and the
 * result dead-lettered in its place. Kafka Streams' default handler failed the stream thread, which
 * re-read the tick and failed again, forever; under exactly-once so did a handler answering "resume".
 */
@Tag("broker")
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

    /**
     * With {@code news.context.wait} (the default) an alert's news context (the alert completed with it, on
     * {@code alerts.price-move-context}) waits in {@code held-outputs} until the news and deal watermarks pass
     * it; a tick on every partition moves them, and the record that releases it is such a watermark, not the
     * tick (the alert itself came through {@code price-move-alerts}, carrying its tick's origin). The context
     * topic refuses records more than a day old
     * ({@code message.timestamp.before.max.ms}): the move two days back is refused, dead-lettered naming the
     * tick that raised it, and the same move today is written. With {@code watermark.idle.timeout=0s} the
     * alerts are released by the watermarks only; with {@code 2s} and no tick on the other partitions, by the
     * idle escape (the watermarks' sources are skipped, in a punctuation or the watermark it lets through).
     * Under at-least-once the refused alert's release is in the changelog already, so processing the watermark
     * again would not release it again: before, it disappeared without a dead letter.
     */
    @ParameterizedTest(name = "{0}, watermark.idle.timeout={1}")
    @CsvSource({"exactly_once_v2, 0s", "at_least_once, 0s", "exactly_once_v2, 2s"})
    void aHeldAlertTheBrokerRefusesIsDeadLetteredNamingItsTick(String guarantee, String idleTimeout) throws Exception {
        boolean clockTicks = idleTimeout.equals("0s"); // otherwise the idle escape releases the alerts
        String scope = "production-held-" + UUID.randomUUID();
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start()) {
            AppConfig config = RunningApp.config(broker.bootstrapServers(), "mock://" + scope,
                    "newsflow-production-held", Map.of("processing.guarantee", guarantee,
                            "news.context.wait", "true", "watermark.idle.timeout", idleTimeout));
            TopicBootstrap.ensureAll(broker.bootstrapServers(), config);
            setTopicConfig(broker, Topics.PRICE_ALERT_CONTEXT, TopicConfig.MESSAGE_TIMESTAMP_BEFORE_MAX_MS_CONFIG,
                    Long.toString(Duration.ofDays(1).toMillis()));
            try (RunningApp running = new RunningApp(config);
                    KafkaConsumer<byte[], byte[]> alertsReader = running.consumer(Topics.PRICE_ALERT_CONTEXT)) {
                Serializer<Object> avro = AvroSerdes.valueSerializer(config);
                Deserializer<PriceMoveAlert> alertReader = AvroSerdes.<PriceMoveAlert>valueSerde(config).deserializer();
                int partitions = running.producer.partitionsFor(Topics.PRICE_TICKS).size();
                Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS); // event times are in milliseconds
                Instant old = now.minus(Duration.ofDays(2));

                // a 10% move two days back: alerts the broker refuses, held until every partition's ticks move on
                tick(running, avro, "AMZN", 100.0, old.minusSeconds(1), null);
                RecordMetadata alerting = tick(running, avro, "AMZN", 110.0, old, null);
                for (int p = 0; clockTicks && p < partitions; p++) {
                    tick(running, avro, SymbolsByPartition.on("CLOCK", p, partitions), 50.0, old.plus(Duration.ofHours(6)), p);
                }

                DeadLetter first = running.awaitDeadLetter(l -> l.getReason().equals("PRODUCTION_ERROR"));
                // the broker refuses the timestamp: per record (InvalidRecordException) or for the batch
                // (InvalidTimestampException), depending on how the context records are batched
                assertTrue(first.getDetail().matches("could not write to " + Pattern.quote(Topics.PRICE_ALERT_CONTEXT)
                        + ": (InvalidRecordException|InvalidTimestampException): Timestamp (?s).*"), first.getDetail());

                // the same move today (from the last price: the open move ends, then 10% up): written
                tick(running, avro, "AMZN", 110.0, now.minus(Duration.ofHours(1)).minusSeconds(1), null);
                tick(running, avro, "AMZN", 121.0, now.minus(Duration.ofHours(1)), null);
                for (int p = 0; clockTicks && p < partitions; p++) {
                    tick(running, avro, SymbolsByPartition.on("CLOCK", p, partitions), 50.0, now, p);
                }
                running.await(() -> running.lag(Topics.PRICE_TICKS) == 0, "every tick committed");

                List<DeadLetter> refused = running.deadLettersAfter(Duration.ofSeconds(3)).stream()
                        .filter(l -> l.getReason().equals("PRODUCTION_ERROR")).toList();
                List<PriceMoveAlert> refusedAlerts = new java.util.ArrayList<>();
                for (DeadLetter letter : refused) {
                    assertEquals(Topics.PRICE_TICKS, letter.getSourceTopic(), "names the tick, not the watermark: " + letter);
                    assertEquals(alerting.partition(), letter.getPartition(), letter.toString());
                    assertEquals(alerting.offset(), letter.getOffset(), "the tick that raised the alert: " + letter);
                    byte[] payload = new byte[letter.getPayload().remaining()];
                    letter.getPayload().duplicate().get(payload);
                    refusedAlerts.add(alertReader.deserialize(Topics.PRICE_ALERT_CONTEXT, payload));
                }
                assertTrue(refusedAlerts.stream().allMatch(a -> a.getTriggeredAt().equals(old)), refusedAlerts.toString());
                assertEquals(refusedAlerts.size(), refusedAlerts.stream().map(PriceMoveAlert::getAlertId).distinct().count(),
                        "one dead letter per refused alert: " + refusedAlerts);

                List<PriceMoveAlert> written = readAll(alertsReader, alertReader, refusedAlerts.size());
                assertEquals(refusedAlerts.stream().map(PriceMoveAlert::getWindowLabel).sorted().toList(),
                        written.stream().map(PriceMoveAlert::getWindowLabel).sorted().toList(),
                        "today's move alerted for the same windows: " + written);
                assertTrue(written.stream().allMatch(a -> a.getTriggeredAt().equals(now.minus(Duration.ofHours(1)))),
                        "only today's alerts reach the topic: " + written);

                assertTrue(running.counter("newsflow.dead.letters", "reason", "PRODUCTION_ERROR") >= refused.size());
                double replacements = running.counter("newsflow.stream.thread.replacements");
                if (guarantee.startsWith("exactly_once")) {
                    assertTrue(replacements >= 1, "the transaction aborted, the watermark processed again: " + replacements);
                } else {
                    assertEquals(0, replacements, "dead-lettered at the next commit, nothing processed again");
                }
                assertTrue(running.gauge("newsflow.stream.thread.same.record.failures") < 2, "no thread loop");
                String health = running.health();
                assertTrue(health.startsWith("200") && !health.contains("DEGRADED"), health);
            }
        } finally {
            MockSchemaRegistry.dropScope(scope);
        }
    }

    private static RecordMetadata tick(RunningApp running, Serializer<Object> avro, String symbol, double price,
            Instant time, Integer partition) throws Exception {
        PriceTick value = PriceTick.newBuilder().setSymbol(symbol).setPrice(price).setSize(10).setEventTime(time).build();
        return running.producer.send(new ProducerRecord<>(Topics.PRICE_TICKS, partition,
                symbol.getBytes(StandardCharsets.UTF_8), avro.serialize(Topics.PRICE_TICKS, value))).get();
    }

    /** The alerts written, once at least {@code atLeast} have come, after a quiet second. */
    private static List<PriceMoveAlert> readAll(KafkaConsumer<byte[], byte[]> consumer,
            Deserializer<PriceMoveAlert> deserializer, int atLeast) {
        List<PriceMoveAlert> alerts = new java.util.ArrayList<>();
        long deadline = System.nanoTime() + RunningApp.WAIT.toNanos();
        int quietPolls = 0;
        while (System.nanoTime() < deadline && (alerts.size() < atLeast || quietPolls < 4)) {
            var records = consumer.poll(Duration.ofMillis(250));
            quietPolls = records.isEmpty() ? quietPolls + 1 : 0;
            for (var r : records) {
                assertEquals(null, r.headers().lastHeader(Origin.HEADER), "the origin header stays inside the pipeline");
                alerts.add(deserializer.deserialize(Topics.PRICE_ALERTS, r.value()));
            }
        }
        return alerts;
    }

    private static void setTopicConfig(EmbeddedKafkaBroker broker, String topic, String key, String value)
            throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, topic), List.of(
                    new AlterConfigOp(new ConfigEntry(key, value), AlterConfigOp.OpType.SET)))).all().get();
        }
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
