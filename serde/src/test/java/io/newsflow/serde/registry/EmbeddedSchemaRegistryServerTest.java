package io.newsflow.serde.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The REST server answers requests shaped exactly as Confluent's own client and tools send them
 * (extra query parameters and body fields included) with Confluent's bodies, statuses and media type.
 */
class EmbeddedSchemaRegistryServerTest {

    private static final String MEDIA_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Schema TICK = SchemaBuilder.record("Tick").namespace("test").fields()
            .requiredString("symbol").endRecord();
    private static final Schema TICK_WITH_SIZE = SchemaBuilder.record("Tick").namespace("test").fields()
            .requiredString("symbol").requiredLong("size").endRecord();

    private final HttpClient http = HttpClient.newHttpClient();
    private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
    private final EmbeddedSchemaRegistryServer server = EmbeddedSchemaRegistryServer.start("127.0.0.1", 0, registry);

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void registersWhatConfluentsSerializerSendsIgnoringItsExtraFieldsAndParameters() throws Exception {
        String body = "{\"schema\":" + quoted(TICK) + ",\"schemaType\":\"AVRO\",\"references\":[],\"metadata\":null,\"ruleSet\":null}";

        HttpResponse<String> response = send("POST", "/subjects/ticks-value/versions?normalize=false", body);

        assertEquals(200, response.statusCode());
        assertEquals(MEDIA_TYPE, response.headers().firstValue("Content-Type").orElse(""));
        assertEquals("{\"id\":1}", response.body());
        assertEquals(TICK, registry.getSchemaById(1));
    }

    @Test
    void servesSchemasByIdAsConfluentsDeserializerAsksForThem() throws Exception {
        registry.register("ticks-value", TICK);

        HttpResponse<String> response = send("GET", "/schemas/ids/1?fetchMaxId=false&subject=ticks-value", null);

        assertEquals(200, response.statusCode());
        assertEquals(TICK, new Schema.Parser().parse(json(response).get("schema").asText()));
    }

    @Test
    void looksUpASchemaUnderASubject() throws Exception {
        registry.register("ticks-value", TICK);

        HttpResponse<String> response = send("POST", "/subjects/ticks-value?normalize=false&deleted=false",
                "{\"schema\":" + quoted(TICK) + "}");

        JsonNode found = json(response);
        assertEquals("ticks-value", found.get("subject").asText());
        assertEquals(1, found.get("version").asInt());
        assertEquals(1, found.get("id").asInt());
        assertEquals(TICK.toString(), found.get("schema").asText());
    }

    @Test
    void servesVersionsLatestAndTheBareSchema() throws Exception {
        registry.register("ticks-value", TICK);

        assertEquals("[1]", send("GET", "/subjects/ticks-value/versions", null).body());
        assertEquals("[\"ticks-value\"]", send("GET", "/subjects", null).body());
        assertEquals(1, json(send("GET", "/subjects/ticks-value/versions/latest", null)).get("version").asInt());
        assertEquals(1, json(send("GET", "/subjects/ticks-value/versions/-1", null)).get("id").asInt());
        assertEquals(TICK, new Schema.Parser().parse(send("GET", "/subjects/ticks-value/versions/1/schema", null).body()));
        assertEquals("{}", send("GET", "/", null).body());
        assertEquals("[\"AVRO\"]", send("GET", "/schemas/types", null).body());
    }

    @Test
    void reportsCompatibilityVerboselyOnRequest() throws Exception {
        registry.register("ticks-value", TICK);

        JsonNode plain = json(send("POST", "/compatibility/subjects/ticks-value/versions/latest", "{\"schema\":" + quoted(TICK_WITH_SIZE) + "}"));
        JsonNode verbose = json(send("POST", "/compatibility/subjects/ticks-value/versions/1?verbose=true",
                "{\"schema\":" + quoted(TICK_WITH_SIZE) + "}"));

        assertEquals("{\"is_compatible\":false}", plain.toString());
        assertEquals(false, verbose.get("is_compatible").asBoolean());
        assertEquals(1, verbose.get("messages").size());
    }

    @Test
    void readsAndSetsCompatibilityGloballyAndPerSubject() throws Exception {
        assertEquals("{\"compatibilityLevel\":\"BACKWARD\"}", send("GET", "/config", null).body());
        assertEquals("{\"compatibility\":\"FULL\"}", send("PUT", "/config", "{\"compatibility\":\"full\"}").body());
        assertEquals("{\"compatibility\":\"NONE\"}", send("PUT", "/config/ticks-value", "{\"compatibility\":\"NONE\"}").body());

        assertEquals(CompatibilityLevel.FULL, registry.globalCompatibility());
        assertEquals(CompatibilityLevel.NONE, registry.compatibility("ticks-value"));
        assertEquals("{\"compatibilityLevel\":\"NONE\"}", send("GET", "/config/ticks-value", null).body());
        assertError(send("GET", "/config/other-value", null), 404, 40408);
        assertEquals("{\"compatibilityLevel\":\"FULL\"}", send("GET", "/config/other-value?defaultToGlobal=true", null).body());
        assertError(send("PUT", "/config", "{\"compatibility\":\"SIDEWAYS\"}"), 422, 42203);
    }

    @Test
    void answersErrorsWithConfluentsCodesAndStatuses() throws Exception {
        registry.register("ticks-value", TICK);

        assertError(send("GET", "/schemas/ids/42", null), 404, 40403);
        assertError(send("GET", "/subjects/none-value/versions", null), 404, 40401);
        assertError(send("GET", "/subjects/ticks-value/versions/7", null), 404, 40402);
        assertError(send("GET", "/subjects/ticks-value/versions/first", null), 422, 42202);
        assertError(send("POST", "/subjects/ticks-value/versions", "{\"schema\":" + quoted(TICK_WITH_SIZE) + "}"), 409, 409);
        assertError(send("POST", "/subjects/ticks-value/versions", "{\"schema\":\"{\\\"type\\\":\\\"recrod\\\"}\"}"), 422, 42201);
        assertError(send("POST", "/subjects/p-value/versions", "{\"schema\":\"syntax = \\\"proto3\\\";\",\"schemaType\":\"PROTOBUF\"}"), 422, 42201);
        assertError(send("POST", "/subjects/ticks-value/versions", "{\"schema\":" + quoted(TICK)
                + ",\"references\":[{\"name\":\"x\",\"subject\":\"y\",\"version\":1}]}"), 422, 42201);
        assertError(send("POST", "/subjects/ticks-value/versions", "{not json"), 400, 400);
        assertError(send("GET", "/no/such/endpoint", null), 404, 404);
        assertError(send("DELETE", "/subjects", null), 405, 405);
    }

    @Test
    void requiresCredentialsWhenConfigured() throws Exception {
        try (EmbeddedSchemaRegistryServer secured = EmbeddedSchemaRegistryServer.start("127.0.0.1", 0, registry, "u", "p")) {
            HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(secured.url() + "/subjects")).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> authorized = http.send(HttpRequest.newBuilder(URI.create(secured.url() + "/subjects"))
                    .header("Authorization", "Basic dTpw").build(), HttpResponse.BodyHandlers.ofString());

            assertError(anonymous, 401, 401);
            assertEquals("Basic realm=\"SchemaRegistry\"", anonymous.headers().firstValue("WWW-Authenticate").orElse(""));
            assertEquals(200, authorized.statusCode());
        }
    }

    private HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", MEDIA_TYPE);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertError(HttpResponse<String> response, int status, int errorCode) throws IOException {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(MEDIA_TYPE, response.headers().firstValue("Content-Type").orElse(""));
        JsonNode body = json(response);
        assertEquals(errorCode, body.get("error_code").asInt(), response.body());
        assertEquals(true, body.get("message").isTextual());
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    private static String quoted(Schema schema) throws IOException {
        return JSON.writeValueAsString(schema.toString());
    }
}
