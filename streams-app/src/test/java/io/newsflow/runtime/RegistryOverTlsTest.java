package io.newsflow.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.newsflow.serde.AvroSerdeConfig;
import io.newsflow.serde.registry.HttpSchemaRegistryClient;
import io.newsflow.serde.registry.SchemaRegistryException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.HashMap;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP registry client over TLS with a private CA and a bearer token, configured by Confluent's
 * key names alone ({@code schema.registry.ssl.*}, {@code bearer.auth.*}), against an HTTPS server
 * that answers only that token.
 */
class RegistryOverTlsTest {

    private static final String TOKEN = "registry-token-2718";
    private static final Schema SCHEMA = new Schema.Parser().parse(
            "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}");

    @TempDir
    Path dir;
    private TlsFiles tls;
    private HttpsServer server;

    @BeforeEach
    void startServer() throws Exception {
        tls = TlsFiles.generate(dir);
        KeyStore keys = KeyStore.getInstance(TlsFiles.STORE_TYPE);
        try (InputStream in = Files.newInputStream(tls.keyStore())) {
            keys.load(in, tls.password().toCharArray());
        }
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(keys, tls.password().toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(factory.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(context));
        server.createContext("/", exchange -> {
            boolean allowed = ("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = (allowed ? "{\"id\":42}" : "{\"error_code\":40101,\"message\":\"Unauthorized\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/vnd.schemaregistry.v1+json");
            exchange.sendResponseHeaders(allowed ? 200 : 401, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private Map<String, Object> confluentKeys(String token) {
        Map<String, Object> configs = new HashMap<>();
        configs.put("schema.registry.url", "https://127.0.0.1:" + server.getAddress().getPort());
        configs.put("schema.registry.ssl.truststore.location", tls.trustStore().toString());
        configs.put("schema.registry.ssl.truststore.password", tls.password());
        configs.put("schema.registry.ssl.truststore.type", "PKCS12");
        configs.put("bearer.auth.credentials.source", "STATIC_TOKEN");
        configs.put("bearer.auth.token", token);
        return configs;
    }

    @Test
    void registersOverTlsWithTheBearerToken() {
        HttpSchemaRegistryClient client = new HttpSchemaRegistryClient(new AvroSerdeConfig(confluentKeys(TOKEN)));

        assertEquals(42, client.register("subject-value", SCHEMA));
    }

    @Test
    void aWrongTokenIsRefusedByTheRegistry() {
        HttpSchemaRegistryClient client = new HttpSchemaRegistryClient(new AvroSerdeConfig(confluentKeys("wrong")));

        SchemaRegistryException e = assertThrows(SchemaRegistryException.class, () -> client.register("s-value", SCHEMA));
        assertEquals(40101, e.errorCode());
    }

    @Test
    void withoutTheTrustStoreTheServerIsNotTrusted() {
        Map<String, Object> configs = confluentKeys(TOKEN);
        configs.remove("schema.registry.ssl.truststore.location");
        HttpSchemaRegistryClient client = new HttpSchemaRegistryClient(new AvroSerdeConfig(configs));

        SchemaRegistryException e = assertThrows(SchemaRegistryException.class, () -> client.register("s-value", SCHEMA));
        assertTrue(e.getMessage().contains("unreachable"), e.getMessage());
    }

    @Test
    void anUnsupportedBearerSourceIsAnErrorNamingTheKey() {
        Map<String, Object> configs = confluentKeys(TOKEN);
        configs.put("bearer.auth.credentials.source", "OAUTHBEARER");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new AvroSerdeConfig(configs));
        assertTrue(e.getMessage().contains("bearer.auth.credentials.source"), e.getMessage());
    }
}
