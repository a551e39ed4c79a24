package io.newsflow.serde.registry;

import static io.newsflow.serde.registry.RegistryJson.CONTENT_TYPE;
import static io.newsflow.serde.registry.RegistryJson.MAPPER;
import static io.newsflow.serde.registry.RegistryJson.encodeSegment;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.serde.AvroSerdeConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;

/**
 * Client of the Confluent Schema Registry REST API (v1 media type), usable against Confluent's
 * server or {@link EmbeddedSchemaRegistryServer}. Ids per subject and schema, and schemas per id,
 * are cached (both are immutable in a registry); latest versions and compatibility are not.
 * Several comma-separated URLs fail over in order, as Confluent's client does: a URL that cannot be
 * reached is skipped until the others fail too.
 */
public final class HttpSchemaRegistryClient implements SchemaRegistryClient {

    /**
     * JDK HttpClients are thread-safe and each owns a selector thread and connection pool, so all
     * registry clients (one per serializer and deserializer) share one per connect timeout.
     */
    private static final Map<ClientKey, HttpClient> SHARED_CLIENTS = new ConcurrentHashMap<>();

    /** HTTP clients are shared per timeout and TLS context (null = the JDK's default context). */
    private record ClientKey(Duration timeout, javax.net.ssl.SSLContext ssl) {
    }

    private final List<RegistryEndpoint> endpoints;
    private final AtomicInteger preferred = new AtomicInteger();
    private final HttpClient http;
    private final Duration timeout;
    /** {@code Authorization: Bearer} value, which replaces basic credentials when configured; else null. */
    private final String bearerAuthorization;
    private final Map<String, Map<Schema, Integer>> idsBySubject = new ConcurrentHashMap<>();
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();

    public HttpSchemaRegistryClient(AvroSerdeConfig config) {
        this(config.registryUrl(), config.basicAuthCredentialsSource(), config.basicAuthUserInfo(),
                Duration.ofMillis(config.requestTimeoutMs()), config.registryConnection());
    }

    /**
     * @param urls              one or more comma-separated http(s) base URLs
     * @param credentialsSource URL or USER_INFO, as Confluent's basic.auth.credentials.source
     * @param userInfo          "user:password" for USER_INFO, else ignored
     * @param timeout           connect timeout, and time allowed for each response
     */
    public HttpSchemaRegistryClient(String urls, String credentialsSource, String userInfo, Duration timeout) {
        this(urls, credentialsSource, userInfo, timeout, RegistryConnection.DEFAULT);
    }

    /** As above, over TLS and with a bearer token as {@code connection} says. */
    public HttpSchemaRegistryClient(String urls, String credentialsSource, String userInfo, Duration timeout,
            RegistryConnection connection) {
        this.endpoints = RegistryEndpoint.parse(urls, credentialsSource, userInfo);
        this.timeout = timeout;
        this.bearerAuthorization = connection.bearerToken().map(token -> "Bearer " + token).orElse(null);
        this.http = SHARED_CLIENTS.computeIfAbsent(new ClientKey(timeout, connection.sslContext().orElse(null)), key -> {
            HttpClient.Builder builder = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(key.timeout())
                    .followRedirects(HttpClient.Redirect.NORMAL);
            if (key.ssl() != null) {
                builder.sslContext(key.ssl());
            }
            return builder.build();
        });
    }

    @Override
    public int register(String subject, Schema schema) {
        Integer cached = cachedId(subject, schema);
        if (cached != null) {
            return cached;
        }
        JsonNode response = send("POST", "/subjects/" + encodeSegment(subject) + "/versions",
                schemaBody(schema), "subject '" + subject + "'");
        int id = requiredInt(response, "id");
        remember(subject, schema, id);
        return id;
    }

    @Override
    public Schema getSchemaById(int id) {
        Schema cached = schemasById.get(id);
        if (cached != null) {
            return cached;
        }
        JsonNode response = send("GET", "/schemas/ids/" + id, null, "schema id " + id);
        checkAvro(response, "schema id " + id);
        Schema schema = RegistryJson.parseSchema(response.path("schema").asText(null));
        Schema raced = schemasById.putIfAbsent(id, schema);
        return raced != null ? raced : schema;
    }

    @Override
    public RegisteredSchema lookup(String subject, Schema schema) {
        JsonNode response = send("POST", "/subjects/" + encodeSegment(subject), schemaBody(schema),
                "subject '" + subject + "'");
        int id = requiredInt(response, "id");
        remember(subject, schema, id);
        return new RegisteredSchema(subject, id, requiredInt(response, "version"), schema);
    }

    @Override
    public RegisteredSchema latest(String subject) {
        return registered(subject, "latest");
    }

    @Override
    public RegisteredSchema version(String subject, int version) {
        return registered(subject, Integer.toString(version));
    }

    @Override
    public boolean isCompatible(String subject, Schema schema) {
        JsonNode response = send("POST", "/compatibility/subjects/" + encodeSegment(subject) + "/versions/latest",
                schemaBody(schema), "subject '" + subject + "'");
        JsonNode compatible = response.get("is_compatible");
        if (compatible == null || !compatible.isBoolean()) {
            throw malformed(response, "is_compatible", "subject '" + subject + "'");
        }
        return compatible.booleanValue();
    }

    @Override
    public List<String> subjects() {
        List<String> subjects = new ArrayList<>();
        send("GET", "/subjects", null, "subjects").forEach(node -> subjects.add(node.asText()));
        return subjects;
    }

    @Override
    public List<Integer> versions(String subject) {
        List<Integer> versions = new ArrayList<>();
        send("GET", "/subjects/" + encodeSegment(subject) + "/versions", null, "subject '" + subject + "'")
                .forEach(node -> versions.add(node.asInt()));
        return versions;
    }

    @Override
    public Optional<CompatibilityLevel> subjectCompatibility(String subject) {
        String about = "config of subject '" + subject + "'";
        try {
            JsonNode response = send("GET", "/config/" + encodeSegment(subject), null, about);
            return Optional.of(CompatibilityLevel.parse(response.path("compatibilityLevel").asText(null)));
        } catch (SchemaRegistryException e) {
            if (e.errorCode() == SchemaRegistryException.SUBJECT_COMPATIBILITY_NOT_CONFIGURED
                    || e.errorCode() == SchemaRegistryException.SUBJECT_NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public void setSubjectCompatibility(String subject, CompatibilityLevel level) {
        send("PUT", "/config/" + encodeSegment(subject),
                MAPPER.createObjectNode().put("compatibility", level.name()).toString(),
                "config of subject '" + subject + "'");
    }

    /** The URLs this client talks to, without credentials. */
    public List<URI> urls() {
        return endpoints.stream().map(RegistryEndpoint::baseUri).toList();
    }

    private RegisteredSchema registered(String subject, String version) {
        String about = "subject '" + subject + "' version " + version;
        JsonNode response = send("GET", "/subjects/" + encodeSegment(subject) + "/versions/" + version, null, about);
        checkAvro(response, about);
        int id = requiredInt(response, "id");
        // Reuse the cached instance so callers keyed on Schema identity keep hitting their caches.
        Schema schema = schemasById.computeIfAbsent(id, i -> RegistryJson.parseSchema(response.path("schema").asText(null)));
        return new RegisteredSchema(response.path("subject").asText(subject), id, requiredInt(response, "version"), schema);
    }

    private Integer cachedId(String subject, Schema schema) {
        Map<Schema, Integer> ids = idsBySubject.get(subject);
        return ids == null ? null : ids.get(schema);
    }

    private void remember(String subject, Schema schema, int id) {
        idsBySubject.computeIfAbsent(subject, s -> new ConcurrentHashMap<>()).put(schema, id);
        schemasById.putIfAbsent(id, schema);
    }

    private static String schemaBody(Schema schema) {
        // AVRO is the default schemaType, so like Confluent's client we leave it out.
        return MAPPER.createObjectNode().put("schema", schema.toString()).toString();
    }

    /**
     * Sends to the preferred URL, failing over to the next on I/O errors. A registry's HTTP error
     * answer is final: another node of the same cluster would say the same.
     */
    private JsonNode send(String method, String path, String body, String about) {
        IOException lastFailure = null;
        int start = preferred.get();
        for (int attempt = 0; attempt < endpoints.size(); attempt++) {
            int index = (start + attempt) % endpoints.size();
            RegistryEndpoint endpoint = endpoints.get(index);
            HttpResponse<String> response;
            try {
                response = http.send(request(endpoint, method, path, body), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                lastFailure = e;
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SchemaRegistryException(SchemaRegistryException.NO_RESPONSE,
                        "Interrupted calling schema registry " + endpoint + " " + method + " " + path + " (" + about + ")", e);
            }
            preferred.compareAndSet(start, index);
            return parse(endpoint, method, path, about, response);
        }
        throw new SchemaRegistryException(SchemaRegistryException.NO_RESPONSE, "Schema registry unreachable at "
                + endpoints + " for " + method + " " + path + " (" + about + "): " + describe(lastFailure), lastFailure);
    }

    private HttpRequest request(RegistryEndpoint endpoint, String method, String path, String body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(endpoint.baseUri() + path))
                .timeout(timeout)
                .header("Accept", CONTENT_TYPE + ", application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            builder.header("Content-Type", CONTENT_TYPE);
        }
        if (bearerAuthorization != null) {
            builder.header("Authorization", bearerAuthorization);
        } else if (endpoint.authorization() != null) {
            builder.header("Authorization", endpoint.authorization());
        }
        return builder.build();
    }

    private static JsonNode parse(RegistryEndpoint endpoint, String method, String path, String about,
                                  HttpResponse<String> response) {
        JsonNode json;
        try {
            json = response.body() == null || response.body().isBlank() ? null : MAPPER.readTree(response.body());
        } catch (IOException e) {
            json = null;
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300 && json != null) {
            return json;
        }
        int errorCode = json != null && json.path("error_code").isInt() ? json.get("error_code").intValue() : status;
        String said = json != null && json.hasNonNull("message") ? json.get("message").asText() : abbreviate(response.body());
        throw new SchemaRegistryException(errorCode, "Schema registry " + endpoint + " answered HTTP " + status
                + " (error code " + errorCode + ") to " + method + " " + path + " (" + about + "): " + said);
    }

    private static void checkAvro(JsonNode response, String about) {
        String type = response.path("schemaType").asText(RegistryJson.AVRO);
        if (!RegistryJson.AVRO.equalsIgnoreCase(type)) {
            throw new SchemaRegistryException(SchemaRegistryException.INVALID_SCHEMA,
                    "Registry holds a " + type + " schema for " + about + "; this client reads AVRO only");
        }
    }

    private static int requiredInt(JsonNode response, String field) {
        JsonNode value = response.get(field);
        if (value == null || !value.canConvertToInt()) {
            throw malformed(response, field, "response");
        }
        return value.intValue();
    }

    private static SchemaRegistryException malformed(JsonNode response, String field, String about) {
        return new SchemaRegistryException(SchemaRegistryException.INTERNAL,
                "Schema registry response for " + about + " lacks '" + field + "': " + abbreviate(response.toString()));
    }

    private static String describe(IOException failure) {
        if (failure == null) {
            return "no URL tried";
        }
        String message = failure.getMessage();
        if (message == null && failure.getCause() != null) {
            message = failure.getCause().toString();
        }
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static String abbreviate(String text) {
        if (text == null || text.isBlank()) {
            return "(empty body)";
        }
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }
}
