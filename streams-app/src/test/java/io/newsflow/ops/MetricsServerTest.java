package io.newsflow.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newsflow.metrics.Degradations;
import io.newsflow.metrics.MetricsServer;
import org.apache.kafka.streams.KafkaStreams.State;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetricsServerTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicReference<State> state = new AtomicReference<>(State.CREATED);
    private final AtomicLong clock = new AtomicLong(1_000_000);
    private final Degradations degradations = new Degradations(clock::get);
    private PrometheusMeterRegistry registry;
    private MetricsServer server;

    @BeforeEach
    void startServer() throws IOException {
        registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        server = new MetricsServer(registry, state::get, degradations,
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).start();
    }

    @AfterEach
    void stopServer() {
        server.close();
        registry.close();
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.baseUri().resolve(path)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void metricsServesRegisteredCounterInPrometheusTextFormat() throws Exception {
        Counter.builder("newsflow.test.events").tag("stream", "ticks").register(registry).increment(3);

        HttpResponse<String> response = get("/metrics");

        assertEquals(200, response.statusCode());
        assertEquals("text/plain; version=0.0.4; charset=utf-8",
                response.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(response.body().contains("# TYPE newsflow_test_events_total counter"), response.body());
        assertTrue(response.body().contains("newsflow_test_events_total{stream=\"ticks\"} 3.0"), response.body());
    }

    @Test
    void metricsServesOpenMetricsWhenTheScraperAsksForIt() throws Exception {
        Counter.builder("newsflow.test.events").register(registry).increment();

        HttpResponse<String> response = get("/metrics",
                "Accept", "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5");

        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow()
                .startsWith("application/openmetrics-text"));
        assertTrue(response.body().contains("# TYPE newsflow_test_events counter"), response.body());
        assertTrue(response.body().stripTrailing().endsWith("# EOF"), response.body());
    }

    @ParameterizedTest
    @EnumSource(value = State.class, names = {"CREATED", "REBALANCING", "RUNNING", "PENDING_SHUTDOWN"})
    void healthIsUpWhileTheClientIsAlive(State alive) throws Exception {
        state.set(alive);

        HttpResponse<String> response = get("/health");

        assertEquals(200, response.statusCode());
        assertEquals("{\"status\":\"UP\",\"state\":\"" + alive + "\"}", response.body().strip());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
    }

    @Test
    void healthIsDegradedWithItsReasonsWhileAProblemIsReportedAndUpOnceItIsOver() throws Exception {
        state.set(State.RUNNING);
        degradations.bindTo(registry);
        degradations.report("schema-registry", "cannot fetch schemas: \"unreachable\"");

        HttpResponse<String> degraded = get("/health");

        assertEquals(200, degraded.statusCode(), "alive: a restart would not help");
        assertEquals("{\"status\":\"DEGRADED\",\"state\":\"RUNNING\",\"reasons\":{\"schema-registry\":"
                + "\"cannot fetch schemas: \\\"unreachable\\\"\"}}", degraded.body().strip());
        assertTrue(get("/metrics").body().contains("newsflow_degraded 1.0"));

        clock.addAndGet(Degradations.EXPIRY.toMillis() + 1); // not reported again
        assertEquals("{\"status\":\"UP\",\"state\":\"RUNNING\"}", get("/health").body().strip());
        assertTrue(get("/metrics").body().contains("newsflow_degraded 0.0"));
    }

    @Test
    void aFailedClientIsDownEvenWhileDegraded() throws Exception {
        state.set(State.ERROR);
        degradations.report("stream-thread", "3 failures in a row");

        HttpResponse<String> response = get("/health");

        assertEquals(503, response.statusCode());
        assertTrue(response.body().contains("\"DOWN\""), response.body());
    }

    @ParameterizedTest
    @EnumSource(value = State.class, names = {"ERROR", "PENDING_ERROR", "NOT_RUNNING"})
    void healthIsDownOnceTheClientHasFailedOrStopped(State dead) throws Exception {
        state.set(dead);

        HttpResponse<String> response = get("/health");

        assertEquals(503, response.statusCode());
        assertEquals("{\"status\":\"DOWN\",\"state\":\"" + dead + "\"}", response.body().strip());
    }

    @ParameterizedTest
    @EnumSource(State.class)
    void readyOnlyWhileRunning(State any) throws Exception {
        state.set(any);

        HttpResponse<String> response = get("/ready");

        assertEquals(any == State.RUNNING ? 200 : 503, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"state\":\"" + any + "\""), response.body());
    }

    @Test
    void clientNotCreatedYetIsAliveButNotReady() throws Exception {
        state.set(null);

        assertEquals(200, get("/health").statusCode());
        HttpResponse<String> ready = get("/ready");
        assertEquals(503, ready.statusCode());
        assertTrue(ready.body().contains("NOT_CREATED"), ready.body());
    }

    @Test
    void failingStateSupplierAnswersDownInsteadOfBreakingTheEndpoint() throws Exception {
        server.close();
        server = new MetricsServer(registry, () -> {
            throw new IllegalStateException("streams closed");
        }, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).start();

        HttpResponse<String> health = get("/health");

        assertEquals(503, health.statusCode());
        assertTrue(health.body().contains("IllegalStateException"), health.body());
        assertEquals(200, get("/metrics").statusCode());
    }

    @Test
    void unknownPathsAndWritesAreRejected() throws Exception {
        assertEquals(404, get("/metricsx").statusCode());
        assertEquals(404, get("/").statusCode());
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(server.baseUri().resolve("/metrics"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, post.statusCode());
    }

    @Test
    void portZeroPicksAFreePortAndCloseReleasesIt() throws Exception {
        int port = server.port();
        assertNotEquals(0, port);

        server.close();

        assertThrows(IOException.class, () -> get("/health"));
        // The port is free again: a new server can bind exactly it.
        server = new MetricsServer(registry, state::get,
                new InetSocketAddress(InetAddress.getLoopbackAddress(), port)).start();
        assertEquals(200, get("/health").statusCode());
    }
}
