package io.newsflow.serde.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.newsflow.serde.auth.AccessTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * With write tokens, the registry's REST face lets anyone read but only a token holder change it:
 * registering, setting a compatibility level and deleting are 401 without a known token.
 */
class RegistryWriteTokensTest {

    private static final String TOKEN = "ci-writer-0123456789abcdef";
    private static final Schema TICK = SchemaBuilder.record("Tick").namespace("test").fields()
            .requiredString("symbol").endRecord();

    private final HttpClient http = HttpClient.newHttpClient();
    private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
    private final EmbeddedSchemaRegistryServer server = EmbeddedSchemaRegistryServer.startWithWriteTokens(
            "127.0.0.1", 0, registry, AccessTokens.of("ci", TOKEN));

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void writesWithoutAKnownTokenAre401AndChangeNothing() throws Exception {
        String schema = "{\"schema\":" + quoted(TICK) + "}";
        for (String authorization : new String[] {null, "Bearer not-the-token-at-all", "Basic "
                + Base64.getEncoder().encodeToString("ci:wrong-password-000000".getBytes(StandardCharsets.UTF_8))}) {
            assertEquals(401, send("POST", "/subjects/ticks-value/versions", schema, authorization).statusCode());
            assertEquals(401, send("PUT", "/config", "{\"compatibility\":\"NONE\"}", authorization).statusCode());
            assertEquals(401, send("DELETE", "/subjects/ticks-value", null, authorization).statusCode());
        }
        assertEquals("[]", send("GET", "/subjects", null, null).body());
        assertEquals(200, send("GET", "/config", null, null).statusCode());
    }

    @Test
    void aTokenHolderWritesAsBearerOrAsConfluentsBasicUserInfo() throws Exception {
        String schema = "{\"schema\":" + quoted(TICK) + "}";
        assertEquals(200, send("POST", "/subjects/ticks-value/versions", schema, "Bearer " + TOKEN).statusCode());
        String basic = "Basic " + Base64.getEncoder().encodeToString(("ci:" + TOKEN).getBytes(StandardCharsets.UTF_8));
        assertEquals(200, send("PUT", "/config", "{\"compatibility\":\"FULL\"}", basic).statusCode());
        assertEquals(1, registry.getSchemaById(1).getFields().size());
    }

    @Test
    void readsLookupsAndCompatibilityChecksStayOpen() throws Exception {
        registry.register("ticks-value", TICK);
        String schema = "{\"schema\":" + quoted(TICK) + "}";
        assertEquals(200, send("GET", "/schemas/ids/1", null, null).statusCode());
        assertEquals(200, send("POST", "/subjects/ticks-value", schema, null).statusCode());
        assertEquals(200, send("POST", "/compatibility/subjects/ticks-value/versions/latest", schema, null).statusCode());
    }

    private HttpResponse<String> send(String method, String path, String body, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + path))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String quoted(Schema schema) {
        return "\"" + schema.toString().replace("\"", "\\\"") + "\"";
    }
}
