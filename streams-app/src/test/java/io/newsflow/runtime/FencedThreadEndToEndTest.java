package io.newsflow.runtime;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.avro.PriceTick;
import io.newsflow.config.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A stream thread fenced again and again is visible (exactly-once, real broker). The fencing here is done
 * by the test: a producer that takes the thread's transactional id bumps its epoch, as the transaction
 * coordinator does when a transaction outlives {@code transaction.timeout.ms} (a record processed for
 * longer than that) or another instance takes the tasks over. Kafka Streams handles a fencing by itself
 * (it rejoins and takes the same records again), so before, nothing showed it: {@code /health} stayed UP
 * while a thread looped on one record.
 */
@Tag("broker")
class FencedThreadEndToEndTest {

    private static final Instant START = Instant.now().minus(Duration.ofHours(1));

    private AppOnBroker app;
    private RunningApp running;
    private Serializer<Object> avro;

    @BeforeEach
    void start() throws Exception {
        app = AppOnBroker.start("fenced");
        running = app.running();
        avro = app.avro();
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aThreadFencedTwiceTurnsHealthDegradedWithTheReasonAndIsCounted() throws Exception {
        sendTick(100.0, 0);
        running.awaitGauge(100.0, "newsflow.price.last", "symbol", "AMZN");
        assertFalse(running.health().contains("fenced-thread"), running.health());

        for (int fencing = 1; fencing <= 2; fencing++) {
            // the last tick committed: the thread (back from the last fencing) writes with its current producer,
            // so the usurper's epoch is the newer one (fenced while still rejoining, the thread's own
            // initTransactions would come after the usurper's and fence it instead)
            running.await(() -> running.lag(Topics.PRICE_TICKS) == 0, "the ticks so far committed");
            fenceTheStreamThreads();
            double price = 100.0 + fencing;
            // the fenced thread finds out when it writes, rejoins and processes the tick again; each tick opens a
            // bucket of its own, so the hot path writes (a tick inside an open bucket writes nothing)
            sendTick(price, fencing);
            running.awaitGauge(price, "newsflow.price.last", "symbol", "AMZN");
            int expected = fencing;
            running.await(() -> running.counter("newsflow.stream.thread.fenced") >= expected,
                    "fencing " + expected + " counted");
        }

        running.await(() -> running.health().contains("fenced-thread"), "/health names the fenced thread");
        String health = running.health();
        assertTrue(health.startsWith("200 ") && health.contains("DEGRADED"), health);
        assertTrue(health.matches("(?s).*fenced [0-9]+ times.*"), health);
    }

    /** Takes over every transactional id of the app: each thread's producer is fenced at its next write. */
    private void fenceTheStreamThreads() throws Exception {
        String applicationId = running.config.getString("application.id");
        List<String> ids;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, app.broker().bootstrapServers()))) {
            ids = admin.listTransactions().all().get().stream().map(TransactionListing::transactionalId)
                    .filter(id -> id.startsWith(applicationId)).toList();
        }
        assertFalse(ids.isEmpty(), "the app's transactional ids");
        for (String id : ids) {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, app.broker().bootstrapServers());
            props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, id);
            try (KafkaProducer<byte[], byte[]> usurper = new KafkaProducer<>(props, new ByteArraySerializer(),
                    new ByteArraySerializer())) {
                usurper.initTransactions();
            }
        }
    }

    private void sendTick(double price, int round) throws Exception {
        Instant eventTime = START.plus(Duration.ofMinutes(10L * round));
        PriceTick tick = PriceTick.newBuilder().setSymbol("AMZN").setPrice(price).setSize(100)
                .setEventTime(eventTime).build();
        running.send(Topics.PRICE_TICKS, "AMZN".getBytes(StandardCharsets.UTF_8),
                avro.serialize(Topics.PRICE_TICKS, tick));
    }
}
