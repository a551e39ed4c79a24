package io.newsflow.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.avro.PriceTick;
import io.newsflow.config.AppConfig;
import io.newsflow.config.Topics;
import io.newsflow.serde.registry.CompatibilityLevel;
import io.newsflow.serde.registry.EmbeddedSchemaRegistryServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The documented evolution policy is enforced by the registry {@code run}/{@code demo} use by default
 * (kept in the cluster's {@code _schemas} topic) and serve over the Schema Registry REST API.
 */
@Tag("broker")
class SchemaPolicyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    @RegisterExtension
    static final BrokerExtension broker = new BrokerExtension();

    private static AppConfig config(String registryTopic) {
        return AppConfig.defaults()
                .with(KafkaEnvironment.BOOTSTRAP_SERVERS, broker.bootstrapServers())
                .with(KafkaEnvironment.REGISTRY_SERVER_PORT, "0")
                .with(AvroSerdes.SCHEMA_REGISTRY_URL, "kafka:///" + registryTopic);
    }

    /** What the environment printed at start (a warning says why a level is missing). */
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    private KafkaEnvironment start(AppConfig config) {
        return KafkaEnvironment.start(config, new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    private String startOutput() {
        return "printed at start:\n" + printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void inputSubjectsAreFullSoAPriceTickWithoutSymbolIsRefusedOverRestWithConfluentsError() throws Exception {
        try (KafkaEnvironment env = start(config("_schemas-" + UUID.randomUUID()))) {
            String url = env.registryHttpUrl().orElseThrow();
            for (String input : Topics.INPUTS) {
                assertEquals("{\"compatibilityLevel\":\"FULL\"}", get(url + "/config/" + input + "-value").body(),
                        this::startOutput);
            }
            HttpResponse<String> output = get(url + "/config/" + Topics.MARKET_REACTION + "-value");
            assertEquals(404, output.statusCode(), "outputs have no level of their own: " + output.body());
            assertEquals("{\"compatibilityLevel\":\"BACKWARD\"}", get(url + "/config").body());

            String subject = url + "/subjects/" + Topics.PRICE_TICKS + "-value/versions";
            assertEquals(200, post(subject, PriceTick.getClassSchema().toString()).statusCode());
            HttpResponse<String> refused = post(subject, withoutField(PriceTick.getClassSchema().toString(), "symbol"));

            assertEquals(409, refused.statusCode(), refused.body());
            JsonNode error = JSON.readTree(refused.body());
            assertEquals(409, error.get("error_code").intValue());
            assertTrue(error.get("message").asText().startsWith("Schema being registered is incompatible with an earlier schema"),
                    error.get("message").asText());
        }
    }

    @Test
    void theLevelsAreDurableAndAnOperatorsChoiceSurvivesTheNextStart() throws Exception {
        String topic = "_schemas-" + UUID.randomUUID();
        try (KafkaEnvironment env = start(config(topic))) {
            HttpResponse<String> put = HTTP.send(HttpRequest.newBuilder(
                    URI.create(env.registryHttpUrl().orElseThrow() + "/config/" + Topics.BOND_BOOKS + "-value"))
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"compatibility\":\"FULL_TRANSITIVE\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals("{\"compatibility\":\"FULL_TRANSITIVE\"}", put.body());
        }
        try (KafkaEnvironment restarted = start(config(topic))) {
            String url = restarted.registryHttpUrl().orElseThrow();
            assertEquals("{\"compatibilityLevel\":\"FULL_TRANSITIVE\"}",
                    get(url + "/config/" + Topics.BOND_BOOKS + "-value").body(), this::startOutput);
            assertEquals("{\"compatibilityLevel\":\"FULL\"}", get(url + "/config/" + Topics.ARTICLES + "-value").body(),
                    this::startOutput);
        }
    }

    @Test
    void aRegistryThatAnswersOnlyAfterAMomentStillGetsThePolicy() throws Exception {
        RegistryNotYetUp registry = new RegistryNotYetUp();
        // the registry comes up once start has been refused, not after a wall-clock delay a loaded machine can outlast
        CompletableFuture<Void> refused = new CompletableFuture<>();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8) {
            @Override
            public void println(String line) {
                super.println(line);
                if (line.contains("not answering")) {
                    refused.complete(null);
                }
            }
        };
        CompletableFuture<EmbeddedSchemaRegistryServer> late = refused.thenApplyAsync(ignored -> registry.start());
        try {
            SchemaPolicy.apply(AppConfig.defaults().with(AvroSerdes.SCHEMA_REGISTRY_URL, registry.url), out);

            assertTrue(startOutput().contains("not answering"), this::startOutput);
            for (String input : Topics.INPUTS) {
                assertEquals(Optional.of(CompatibilityLevel.FULL), registry.schemas.subjectCompatibility(input + "-value"),
                        this::startOutput);
            }
        } finally {
            late.get(30, TimeUnit.SECONDS).close();
        }
    }

    private static String withoutField(String schema, String field) throws Exception {
        ObjectNode tree = (ObjectNode) JSON.readTree(schema);
        ArrayNode fields = (ArrayNode) tree.get("fields");
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).get("name").asText().equals(field)) {
                fields.remove(i);
                return tree.toString();
            }
        }
        throw new AssertionError("no field " + field);
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String url, String schema) throws Exception {
        String body = JSON.createObjectNode().put("schema", schema).toString();
        return HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
