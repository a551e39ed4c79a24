package io.newsflow.runtime;

import static io.newsflow.Waits.await;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.avro.PriceTick;
import io.newsflow.config.AppConfig;
import io.newsflow.config.Topics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app (exactly-once, the defaults) keeps processing when {@code newsflow broker --data-dir} in
 * another process is killed with SIGKILL and restarted: the records published after the restart are
 * processed and committed, with the schema ids the app cached before (kept in {@code _newsflow_schemas}).
 */
@Tag("broker")
class AppAcrossBrokerRestartTest {

    private static final int TICKS_PER_ROUND = 20;
    private static final Duration PROCESSING_LIMIT = Duration.ofMinutes(3);

    @TempDir
    Path dir;

    @Test
    void recordsPublishedAfterABrokerCrashAndRestartAreProcessed() throws Exception {
        BrokerProcess broker = BrokerProcess.start(dir);
        AppConfig config = AppConfig.defaults().with(Map.of(
                KafkaEnvironment.BOOTSTRAP_SERVERS, broker.bootstrapServers(),
                KafkaEnvironment.REGISTRY_SERVER_PORT, "-1",
                NewsflowApp.METRICS_PORT, String.valueOf(BrokerProcess.freePort()),
                NewsflowApp.API_PORT, "-1", // no fixed port (the default is 8088)
                "application.id", "restart-app-" + UUID.randomUUID()));
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        try (KafkaEnvironment env = KafkaEnvironment.start(config, new PrintStream(console, true, StandardCharsets.UTF_8));
             NewsflowApp app = NewsflowApp.start(env.config())) {
            assertTrue(app.awaitRunning(Duration.ofMinutes(2)), "app state " + app.state());
            publishTicks(env.config(), 0);
            awaitCommitted(env.config(), TICKS_PER_ROUND);

            broker.kill();
            broker = broker.restart();

            publishTicks(env.config(), TICKS_PER_ROUND);
            awaitCommitted(env.config(), 2 * TICKS_PER_ROUND);
        } finally {
            broker.close();
        }
    }

    private static void publishTicks(AppConfig config, int first) {
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.getString(KafkaEnvironment.BOOTSTRAP_SERVERS)),
                new StringSerializer(), AvroSerdes.valueSerializer(config))) {
            Instant start = Instant.now().minusSeconds(600);
            for (int i = first; i < first + TICKS_PER_ROUND; i++) {
                PriceTick tick = PriceTick.newBuilder().setSymbol("META").setPrice(600 + i).setSize(100)
                        .setEventTime(start.plusSeconds(i)).build();
                producer.send(new ProducerRecord<>(Topics.PRICE_TICKS, tick.getSymbol(), tick));
            }
            producer.flush();
        }
    }

    /** Waits until the app's group has committed {@code count} price ticks (under exactly-once: processed). */
    private static void awaitCommitted(AppConfig config, long count) throws Exception {
        String group = config.getString("application.id");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                config.getString(KafkaEnvironment.BOOTSTRAP_SERVERS)))) {
            long committed = await("price ticks committed by the app").atMost(PROCESSING_LIMIT)
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> committedTicks(admin, group), greaterThanOrEqualTo(count));
            assertEquals(count, committed, "no price tick committed twice");
        }
    }

    /** The sum of the group's committed offsets on the tick topic; -1 while the coordinator cannot answer. */
    private static long committedTicks(Admin admin, String group) throws InterruptedException {
        try {
            return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get()
                    .entrySet().stream().filter(e -> e.getKey().topic().equals(Topics.PRICE_TICKS))
                    .map(Map.Entry::getValue).mapToLong(OffsetAndMetadata::offset).sum();
        } catch (java.util.concurrent.ExecutionException e) {
            return -1; // the restarted coordinator may still be loading the group
        }
    }
}
