package io.newsflow.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.metrics.PipelineMetrics;
import io.newsflow.runtime.EmbeddedKafkaBroker;
import io.newsflow.serde.auth.AccessTokens;
import io.newsflow.text.TextAnalysis;
import io.newsflow.topology.NewsflowTopology;
import io.newsflow.topology.TopologySettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The API server's contract apart from the data: its routes are the OpenAPI file's paths, bad
 * parameters are 400, and while the state cannot be queried (the client not attached yet, or not
 * running) every query is 503 with Retry-After. The data itself: {@code ops.MetaBondDayLiveTest}.
 */
@Tag("broker")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The peers' endpoint is for the peers only (the refusals: ApiAccessTest). */
    private static final String PEER_SECRET = "api-server-test-peer-secret";

    private EmbeddedKafkaBroker broker;
    private ApiServer server;
    private KafkaStreams streams;
    private Path stateDir;

    @BeforeAll
    void startServerWithAClientNotRunning() throws Exception {
        broker = EmbeddedKafkaBroker.start();
        server = ApiServer.start("127.0.0.1", 0, new ApiAccess(null, AccessTokens.of("peer", PEER_SECRET)), PEER_SECRET);
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
        if (streams != null) {
            streams.close(Duration.ofSeconds(10));
            try (var files = Files.walk(stateDir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        broker.close();
    }

    @Test
    void everyRouteIsInTheOpenApiFileAndEveryPathThereIsARoute() throws Exception {
        JsonNode openApi;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(ApiServer.OPENAPI_RESOURCE)) {
            openApi = JSON.readTree(in);
        }
        Set<String> documented = new TreeSet<>();
        openApi.get("paths").fieldNames().forEachRemaining(documented::add);
        Set<String> served = new TreeSet<>(server.routes().keySet());
        served.add(ApiServer.BASE + "/stream/alerts");
        assertEquals(served, documented);
        assertEquals(200, get("/api/v1/openapi.json").statusCode());
    }

    @Test
    void theAlertStreamIsAnEventStream() throws Exception {
        HttpResponse<java.util.stream.Stream<String>> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/api/v1/stream/alerts"))
                        .header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"),
                response.headers().map().toString());
        assertEquals(": connected", response.body().findFirst().orElse(null));
        response.body().close();
    }

    @Test
    void beforeTheClientIsAttachedQueriesAre503WithRetryAfter() throws Exception {
        ApiServer starting = ApiServer.start("127.0.0.1", 0);
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + starting.port() + "/api/v1/bonds/X")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertUnavailable(response);
        } finally {
            starting.close();
        }
    }

    @Test
    void whileKafkaStreamsIsNotRunningQueriesAre503WithRetryAfter() throws Exception {
        attachClientNotStarted();
        for (String path : List.of("/api/v1/sentiment/META", "/api/v1/bonds/META-2025-10-30", "/api/v1/alerts",
                "/api/v1/prices/META", "/api/v1/articles/a-1")) {
            assertUnavailable(get(path));
        }
    }

    @Test
    void badParametersAre400() throws Exception {
        attachClientNotStarted();
        for (String path : List.of("/api/v1/sentiment/META?window=7h", "/api/v1/prices/META?at=yesterday",
                "/api/v1/alerts?since=2025-10-29", "/api/v1/alerts?limit=0", "/api/v1/alerts?limit=many",
                "/api/v1/credit/META?from=2025-10-30T00:00:00Z&to=2025-10-29T00:00:00Z",
                "/api/v1/internal/stores/bond-deals/range?from=a")) {
            HttpResponse<String> response = get(path);
            assertEquals(400, response.statusCode(), path + ": " + response.body());
            assertTrue(JSON.readTree(response.body()).get("error").asText().length() > 10, response.body());
        }
    }

    @Test
    void onlyTheQueriedStoresAreReadableByOtherInstances() throws Exception {
        attachClientNotStarted();
        assertEquals(404, get("/api/v1/internal/stores/article-seen/range?from=a&to=b").statusCode());
    }

    private synchronized void attachClientNotStarted() throws Exception {
        if (streams != null) {
            return;
        }
        Map<String, String> config = Map.of("schema.registry.url", "mock://api-" + UUID.randomUUID());
        NewsflowTopology topology = NewsflowTopology.fromConfig(config, TextAnalysis.fromConfig(Map.of()),
                new PipelineMetrics(new SimpleMeterRegistry(), List.of(), 1));
        stateDir = Files.createTempDirectory("api-test-state-");
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "api-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        streams = new KafkaStreams(topology.build(), props); // CREATED: never started
        server.attach(streams, new HostInfo("127.0.0.1", server.port()), TopologySettings.defaults());
    }

    private static void assertUnavailable(HttpResponse<String> response) throws Exception {
        assertEquals(503, response.statusCode(), response.body());
        assertEquals(String.valueOf(ApiException.RETRY_AFTER_SECONDS), response.headers().firstValue("Retry-After").orElse(null));
        assertEquals(503, JSON.readTree(response.body()).get("status").asInt());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Authorization", "Bearer " + PEER_SECRET)
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
