package io.newsflow.serde.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.avro.PriceTick;
import io.newsflow.serde.AvroSerdeConfig;
import io.newsflow.serde.SpecificAvroSerde;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The HTTP client against the embedded server over real HTTP on a random local port. */
class HttpSchemaRegistryClientTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Schema V1 = SchemaBuilder.record("Tick").namespace("test").fields()
            .requiredString("symbol").endRecord();
    private static final Schema V2 = SchemaBuilder.record("Tick").namespace("test").fields()
            .requiredString("symbol").optionalDouble("bid").endRecord();
    private static final Schema REQUIRES_SIZE = SchemaBuilder.record("Tick").namespace("test").fields()
            .requiredString("symbol").requiredLong("size").endRecord();

    private final InMemorySchemaRegistry backing = new InMemorySchemaRegistry();
    private EmbeddedSchemaRegistryServer server = EmbeddedSchemaRegistryServer.start("127.0.0.1", 0, backing);

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void registersLooksUpAndListsVersionsAsTheRegistryHoldsThem() {
        HttpSchemaRegistryClient client = client(server.url());

        int v1 = client.register("ticks-value", V1);
        int v2 = client.register("ticks-value", V2);

        assertEquals(List.of(v1, v2), List.of(1, 2));
        assertEquals(v1, client.register("ticks-value", V1), "re-registering is idempotent");
        assertEquals(new RegisteredSchema("ticks-value", v1, 1, V1), client.lookup("ticks-value", V1));
        assertEquals(new RegisteredSchema("ticks-value", v2, 2, V2), client.latest("ticks-value"));
        assertEquals(new RegisteredSchema("ticks-value", v1, 1, V1), client.version("ticks-value", 1));
        assertEquals(List.of(1, 2), client.versions("ticks-value"));
        assertEquals(List.of("ticks-value"), client.subjects());
        assertEquals(V2, client.getSchemaById(v2));
        assertEquals(backing.latest("ticks-value"), client.latest("ticks-value"), "same view as in-process");
    }

    @Test
    void idsAreStableAcrossClientsAndShowInTheBackingRegistry() {
        int id = client(server.url()).register("market.price-ticks-value", PriceTick.getClassSchema());

        assertEquals(id, client(server.url()).register("market.price-ticks-value", PriceTick.getClassSchema()));
        assertEquals(id, client(server.url()).register("other-value", PriceTick.getClassSchema()));
        assertEquals(PriceTick.getClassSchema(), backing.getSchemaById(id));
    }

    @Test
    void readsAndSetsASubjectsOwnCompatibilityLevel() {
        HttpSchemaRegistryClient client = client(server.url());

        assertEquals(java.util.Optional.empty(), client.subjectCompatibility("ticks-value"), "none of its own yet");
        client.setSubjectCompatibility("ticks-value", CompatibilityLevel.FULL);

        assertEquals(java.util.Optional.of(CompatibilityLevel.FULL), client.subjectCompatibility("ticks-value"));
        assertEquals(CompatibilityLevel.FULL, backing.compatibility("ticks-value"));
        client.register("ticks-value", V1);
        SchemaRegistryException refused = assertThrows(SchemaRegistryException.class,
                () -> client.register("ticks-value", REQUIRES_SIZE));
        assertEquals(SchemaRegistryException.INCOMPATIBLE_SCHEMA, refused.errorCode());
    }

    @Test
    void checksCompatibilityAgainstTheLatestVersion() {
        HttpSchemaRegistryClient client = client(server.url());
        client.register("ticks-value", V1);

        assertTrue(client.isCompatible("ticks-value", V2));
        assertFalse(client.isCompatible("ticks-value", REQUIRES_SIZE));
        assertTrue(client.isCompatible("new-subject", REQUIRES_SIZE), "nothing to be incompatible with");
    }

    @Test
    void cachesIdsAndSchemasSoKnownOnesNeedNoRegistry() {
        HttpSchemaRegistryClient client = client(server.url());
        int id = client.register("ticks-value", V1);
        client.getSchemaById(id);
        server.close();

        assertEquals(id, client.register("ticks-value", V1));
        assertEquals(V1, client.getSchemaById(id));
        SchemaRegistryException e = assertThrows(SchemaRegistryException.class, () -> client.latest("ticks-value"));
        assertEquals(SchemaRegistryException.NO_RESPONSE, e.errorCode(), "latest is never cached");
    }

    @Test
    void anUnknownIdIs40403NamingTheUrlTheIdAndTheRegistrysMessage() {
        SchemaRegistryException e = assertThrows(SchemaRegistryException.class, () -> client(server.url()).getSchemaById(999));

        assertEquals(40403, e.errorCode());
        assertEquals("Schema registry " + server.url() + " answered HTTP 404 (error code 40403) to GET /schemas/ids/999"
                + " (schema id 999): Schema 999 not found", e.getMessage());
    }

    @Test
    void anUnknownSubjectIs40401() {
        HttpSchemaRegistryClient client = client(server.url());

        SchemaRegistryException latest = assertThrows(SchemaRegistryException.class, () -> client.latest("nope-value"));
        SchemaRegistryException lookup = assertThrows(SchemaRegistryException.class, () -> client.lookup("nope-value", V1));

        assertEquals(40401, latest.errorCode());
        assertEquals(40401, lookup.errorCode());
        assertTrue(latest.getMessage().contains("(subject 'nope-value' version latest): Subject 'nope-value' not found"),
                latest.getMessage());
    }

    @Test
    void aSchemaNotUnderAnExistingSubjectIs40403AndAMissingVersion40402() {
        HttpSchemaRegistryClient client = client(server.url());
        client.register("ticks-value", V1);

        assertEquals(40403, assertThrows(SchemaRegistryException.class, () -> client.lookup("ticks-value", V2)).errorCode());
        assertEquals(40402, assertThrows(SchemaRegistryException.class, () -> client.version("ticks-value", 9)).errorCode());
    }

    @Test
    void anIncompatibleSchemaIsRefusedWith409() {
        HttpSchemaRegistryClient client = client(server.url());
        client.register("ticks-value", V1);

        SchemaRegistryException e = assertThrows(SchemaRegistryException.class, () -> client.register("ticks-value", REQUIRES_SIZE));

        assertEquals(409, e.errorCode());
        assertTrue(e.getMessage().contains("HTTP 409 (error code 409) to POST /subjects/ticks-value/versions"
                + " (subject 'ticks-value'): Schema being registered is incompatible"), e.getMessage());
    }

    @Test
    void basicAuthWorksFromUserInfoOrFromTheUrlAndBadCredentialsAre401() {
        server.close();
        server = EmbeddedSchemaRegistryServer.start("127.0.0.1", 0, backing, "newsflow", "s3cret:with-colon");
        String hostPort = server.url().substring("http://".length());

        int id = new HttpSchemaRegistryClient(server.url(), "USER_INFO", "newsflow:s3cret:with-colon", TIMEOUT).register("a-value", V1);
        int again = new HttpSchemaRegistryClient("http://newsflow:s3cret%3Awith-colon@" + hostPort, "URL", "", TIMEOUT)
                .register("a-value", V1);
        SchemaRegistryException wrong = assertThrows(SchemaRegistryException.class,
                () -> new HttpSchemaRegistryClient(server.url(), "USER_INFO", "newsflow:guess", TIMEOUT).subjects());
        SchemaRegistryException none = assertThrows(SchemaRegistryException.class, () -> client(server.url()).subjects());

        assertEquals(id, again);
        assertEquals(401, wrong.errorCode());
        assertEquals(401, none.errorCode());
        assertTrue(wrong.getMessage().endsWith("answered HTTP 401 (error code 401) to GET /subjects (subjects): Unauthorized"),
                wrong.getMessage());
        assertFalse(wrong.getMessage().contains("guess"), "credentials never appear in messages");
    }

    @Test
    void anUnreachableRegistryIsAClearNoResponseError() throws IOException {
        String dead = "http://127.0.0.1:" + freePort();

        SchemaRegistryException e = assertThrows(SchemaRegistryException.class, () -> client(dead).getSchemaById(1));

        assertEquals(SchemaRegistryException.NO_RESPONSE, e.errorCode());
        assertTrue(e.getMessage().startsWith("Schema registry unreachable at [" + dead + "] for GET /schemas/ids/1 (schema id 1): "
                + "ConnectException"), e.getMessage());
    }

    @Test
    void failsOverToTheNextUrlWhenOneCannotBeReached() throws IOException {
        HttpSchemaRegistryClient client = client("http://127.0.0.1:" + freePort() + " , " + server.url());

        assertEquals(1, client.register("ticks-value", V1));
        assertEquals(List.of("ticks-value"), client.subjects());
    }

    @Test
    void subjectsWithSlashesSpacesPlusAndNonAsciiAreEncoded() {
        HttpSchemaRegistryClient client = client(server.url());
        String subject = "news/記事 a+b-value";

        int id = client.register(subject, V1);

        assertEquals(List.of(subject), backing.subjects());
        assertEquals(id, client.latest(subject).id());
    }

    @Test
    void aSerdeConfiguredWithTheHttpUrlSharesIdsWithAMockScopeServedByTheServer() {
        String scope = "http-demo-" + UUID.randomUUID();
        try (EmbeddedSchemaRegistryServer demo = EmbeddedSchemaRegistryServer.start("127.0.0.1", 0, MockSchemaRegistry.forScope(scope));
             SpecificAvroSerde<PriceTick> inProcess = new SpecificAvroSerde<>();
             SpecificAvroSerde<PriceTick> overHttp = new SpecificAvroSerde<>()) {
            inProcess.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + scope), false);
            overHttp.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, demo.url()), false);
            PriceTick tick = PriceTick.newBuilder().setSymbol("META").setPrice(666.47).setSize(10)
                    .setEventTime(Instant.parse("2025-10-30T14:30:00Z")).build();

            byte[] written = inProcess.serializer().serialize("market.price-ticks", tick);

            assertEquals(tick, overHttp.deserializer().deserialize("market.price-ticks", written));
            assertEquals(java.util.Arrays.toString(written),
                    java.util.Arrays.toString(overHttp.serializer().serialize("market.price-ticks", tick)), "same id, same bytes");
        } finally {
            MockSchemaRegistry.dropScope(scope);
        }
    }

    @Test
    void anUnsupportedCredentialsSourceOrMissingUserInfoIsAConfigurationError() {
        assertThrows(IllegalArgumentException.class, () -> new HttpSchemaRegistryClient(server.url(), "SASL_INHERIT", "", TIMEOUT));
        assertThrows(IllegalArgumentException.class, () -> new HttpSchemaRegistryClient(server.url(), "USER_INFO", "", TIMEOUT));
    }

    private static HttpSchemaRegistryClient client(String urls) {
        return new HttpSchemaRegistryClient(urls, "URL", "", TIMEOUT);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
