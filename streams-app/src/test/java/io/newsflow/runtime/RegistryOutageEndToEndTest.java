package io.newsflow.runtime;

import static io.newsflow.Waits.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.avro.BondBookUpdate;
import io.newsflow.avro.BondStatus;
import io.newsflow.avro.DeadLetter;
import io.newsflow.config.AppConfig;
import io.newsflow.config.Topics;
import io.newsflow.serde.registry.EmbeddedSchemaRegistryServer;
import io.newsflow.serde.registry.InMemorySchemaRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The schema registry (a real HTTP one) goes away while a valid record whose schema id the app has
 * not seen yet arrives: the record waits (/health DEGRADED, newsflow_degraded 1) instead of being
 * dead-lettered, and is processed once the registry is back. Before, a warm app dead-lettered it
 * ("Could not fetch schema id") and committed past it.
 */
@Tag("broker")
class RegistryOutageEndToEndTest {

    @Test
    void aValidRecordWaitsForTheRegistryAndIsProcessedWhenItIsBack() throws Exception {
        InMemorySchemaRegistry schemas = new InMemorySchemaRegistry();
        EmbeddedSchemaRegistryServer registry = EmbeddedSchemaRegistryServer.start("127.0.0.1", 0, schemas);
        int port = registry.port();
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start()) {
            AppConfig config = RunningApp.config(broker.bootstrapServers(), registry.url(), "newsflow-registry-outage",
                    Map.of());
            try (RunningApp running = new RunningApp(config)) {
                // warm: the app has written a dead letter, so it holds the dead-letter schema
                long garbage = running.send(Topics.BOND_BOOKS, "DEAL-OUTAGE".getBytes(StandardCharsets.UTF_8),
                        new byte[] {9, 9}); // the same partition as the valid record below
                running.awaitDeadLetter(l -> l.getSourceTopic().equals(Topics.BOND_BOOKS) && l.getOffset() == garbage);

                Serializer<Object> avro = AvroSerdes.valueSerializer(config);
                BondBookUpdate update = BondBookUpdate.newBuilder().setDealId("DEAL-OUTAGE").setIssuerName("Example Corp")
                        .setIssuerSymbol("EXMP").setTargetSize(1_000_000_000L).setOrderBookSize(3_000_000_000L)
                        .setStatus(BondStatus.BOOKBUILDING).setEventTime(Instant.now()).build();
                byte[] bytes = avro.serialize(Topics.BOND_BOOKS, update); // registers the schema: an id the app has not seen
                registry.close();
                long offset = running.send(Topics.BOND_BOOKS, "DEAL-OUTAGE".getBytes(StandardCharsets.UTF_8), bytes);

                running.await(() -> running.health().contains("DEGRADED") && running.health().contains("schema-registry"),
                        "/health says the registry is the problem");
                assertEquals(1.0, running.gauge("newsflow.degraded"));
                // the decode step waits its 3 s, fails the thread, and the replacement fails on the same record
                running.await(() -> running.health().contains("stream-thread")
                        && running.health().contains(Topics.BOND_BOOKS + "-") && running.health().contains("@" + offset),
                        "/health says a thread is replaced repeatedly on the waiting record");
                assertTrue(running.gauge("newsflow.stream.thread.same.record.failures") >= 2);

                registry = EmbeddedSchemaRegistryServer.start("127.0.0.1", port, schemas);
                running.await(() -> running.lag(Topics.BOND_BOOKS) == 0, "the waiting record is processed");
                List<DeadLetter> letters = running.deadLettersAfter(Duration.ofSeconds(2));
                assertTrue(letters.stream().noneMatch(l -> l.getSourceTopic().equals(Topics.BOND_BOOKS)
                        && l.getOffset() == offset), "the valid record was dead-lettered: " + letters);
                assertEquals(3.0, running.gauge("newsflow.bond.oversubscription.ratio", "deal", "DEAL-OUTAGE"), 1e-9);
            }
        } finally {
            registry.close();
        }
    }

    @Test
    void aColdAppWaitsForTheRegistryBeforeStartingAndSaysSoOnHealth() throws Exception {
        RegistryNotYetUp registry = new RegistryNotYetUp();
        int metricsPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            metricsPort = socket.getLocalPort();
        }
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start()) {
            AppConfig config = RunningApp.config(broker.bootstrapServers(), registry.url, "newsflow-registry-cold",
                    Map.of("metrics.port", String.valueOf(metricsPort)));
            TopicBootstrap.ensureAll(broker.bootstrapServers(), config);
            CompletableFuture<NewsflowApp> starting = java.util.concurrent.CompletableFuture
                    .supplyAsync(() -> {
                        try {
                            return NewsflowApp.start(config);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
            HttpClient http = HttpClient.newHttpClient();
            URI health = URI.create("http://127.0.0.1:" + metricsPort + "/health");
            String body = await("/health says DEGRADED").atMost(RunningApp.WAIT).pollInterval(Duration.ofMillis(200))
                    .until(() -> healthBody(http, health), text -> text.contains("DEGRADED"));
            assertTrue(body.contains("DEGRADED") && body.contains("schema-registry"), body);
            assertTrue(!starting.isDone(), "the stream threads wait for the registry");

            try (EmbeddedSchemaRegistryServer answering = registry.start();
                 NewsflowApp app = starting.get(RunningApp.WAIT.toSeconds(), TimeUnit.SECONDS)) {
                assertTrue(app.awaitRunning(RunningApp.WAIT), "running once the registry answers");
                assertEquals(1, registry.schemas.subjects().size(), "the dead-letter schema: " + registry.schemas.subjects());
            }
        }
    }

    /** The /health body; empty while the endpoint does not serve yet. */
    private static String healthBody(HttpClient http, URI health) throws InterruptedException {
        try {
            return http.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException notServingYet) {
            return "";
        }
    }
}
