package io.newsflow.serde.registry;

import static io.newsflow.serde.registry.RegistryJson.MAPPER;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.newsflow.serde.auth.AccessTokens;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a {@link RegistryBackend} over the Confluent Schema Registry REST API. Unknown
 * query parameters and body fields are ignored (Confluent's clients send e.g. {@code normalize},
 * {@code fetchMaxId}, {@code references}); errors are Confluent's JSON bodies with its statuses.
 */
final class SchemaRegistryRestApi implements HttpHandler {

    private static final Logger log = LoggerFactory.getLogger(SchemaRegistryRestApi.class);
    private static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

    private final RegistryBackend registry;
    private final byte[] expectedAuthorization;
    private final AccessTokens writers;

    /** @param expectedAuthorization the exact Authorization header required, or null for none */
    SchemaRegistryRestApi(RegistryBackend registry, String expectedAuthorization) {
        this(registry, expectedAuthorization, null);
    }

    /**
     * @param writers the tokens a write (a registration, a config change, a deletion) needs, or null
     *                for none; reads (lookups and compatibility checks included) stay open
     */
    SchemaRegistryRestApi(RegistryBackend registry, String expectedAuthorization, AccessTokens writers) {
        this.registry = registry;
        this.writers = writers;
        this.expectedAuthorization = expectedAuthorization == null ? null
                : expectedAuthorization.getBytes(StandardCharsets.UTF_8);
    }

    private record Response(int status, Object body) {
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Response response;
        try {
            if (!authorized(exchange)) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"SchemaRegistry\"");
                response = error(new SchemaRegistryException(SchemaRegistryException.UNAUTHORIZED, "Unauthorized"));
            } else if (writers != null && isWrite(exchange) && writer(exchange).isEmpty()) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"SchemaRegistry\"");
                response = error(new SchemaRegistryException(SchemaRegistryException.UNAUTHORIZED,
                        "Unauthorized: writes need a token of registry.server.auth.tokens.file"));
            } else {
                response = route(exchange);
            }
        } catch (SchemaRegistryException e) {
            response = error(e);
        } catch (JsonProcessingException e) {
            response = error(new SchemaRegistryException(SchemaRegistryException.BAD_REQUEST,
                    "Malformed JSON body: " + e.getOriginalMessage()));
        } catch (IllegalArgumentException e) {
            response = error(new SchemaRegistryException(SchemaRegistryException.BAD_REQUEST,
                    "Bad request: " + e.getMessage()));
        } catch (RuntimeException e) {
            log.error("Schema registry request {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            response = error(new SchemaRegistryException(SchemaRegistryException.INTERNAL,
                    "Internal error: " + e));
        }
        send(exchange, response);
    }

    /** Registering a schema, changing a compatibility level, deleting: what changes the registry. */
    private static boolean isWrite(HttpExchange exchange) {
        String method = exchange.getRequestMethod();
        if (method.equals("PUT") || method.equals("DELETE")) {
            return true;
        }
        List<String> path = segments(exchange.getRequestURI().getRawPath());
        return method.equals("POST") && path.size() == 3 && path.get(0).equals("subjects")
                && path.get(2).equals("versions");
    }

    /** The name of the writer the request authenticates as (Bearer, or Basic with the token as password). */
    private Optional<String> writer(HttpExchange exchange) {
        return AccessTokens.fromAuthorization(exchange.getRequestHeaders().getFirst("Authorization"))
                .flatMap(writers::match);
    }

    private boolean authorized(HttpExchange exchange) {
        if (expectedAuthorization == null) {
            return true;
        }
        String given = exchange.getRequestHeaders().getFirst("Authorization");
        return given != null && MessageDigest.isEqual(expectedAuthorization, given.getBytes(StandardCharsets.UTF_8));
    }

    private Response route(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        List<String> path = segments(exchange.getRequestURI().getRawPath());
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        int n = path.size();
        String root = n == 0 ? "" : path.get(0);

        if (n == 0) {
            return only(method, "GET", () -> MAPPER.createObjectNode());
        }
        if (root.equals("subjects")) {
            if (n == 1) {
                return only(method, "GET", registry::subjects);
            }
            String subject = path.get(1);
            if (n == 2) {
                return only(method, "POST", () -> lookup(subject, readSchema(exchange)));
            }
            if (n == 3 && path.get(2).equals("versions")) {
                if (method.equals("POST")) {
                    Schema schema = readSchema(exchange);
                    return ok(MAPPER.createObjectNode().put("id", registry.register(subject, schema)));
                }
                return only(method, "GET", () -> registry.versions(subject));
            }
            if (n == 4 && path.get(2).equals("versions")) {
                return only(method, "GET", () -> registered(version(subject, path.get(3))));
            }
            if (n == 5 && path.get(2).equals("versions") && path.get(4).equals("schema")) {
                return only(method, "GET", () -> MAPPER.readTree(version(subject, path.get(3)).schema().toString()));
            }
        }
        if (root.equals("schemas")) {
            if (n == 2 && path.get(1).equals("types")) {
                return only(method, "GET", () -> List.of(RegistryJson.AVRO));
            }
            if (n >= 3 && n <= 4 && path.get(1).equals("ids") && (n == 3 || path.get(3).equals("schema"))) {
                int id = schemaId(path.get(2));
                return only(method, "GET", () -> n == 3
                        ? MAPPER.createObjectNode().put("schema", registry.getSchemaById(id).toString())
                        : MAPPER.readTree(registry.getSchemaById(id).toString()));
            }
        }
        if (root.equals("compatibility") && n >= 4 && n <= 5 && path.get(1).equals("subjects")
                && path.get(3).equals("versions")) {
            String subject = path.get(2);
            String version = n == 5 ? path.get(4) : null;
            if (!method.equals("POST")) {
                return methodNotAllowed(method);
            }
            Schema schema = readSchema(exchange);
            List<String> problems = version == null || isLatest(version)
                    ? registry.violations(subject, schema)
                    : registry.compatibility(subject).violations(List.of(version(subject, version).schema()), schema);
            ObjectNode body = MAPPER.createObjectNode().put("is_compatible", problems.isEmpty());
            if (Boolean.parseBoolean(query.get("verbose"))) {
                body.putPOJO("messages", problems);
            }
            return ok(body);
        }
        if (root.equals("config") && n <= 2) {
            String subject = n == 2 ? path.get(1) : null;
            if (method.equals("PUT")) {
                CompatibilityLevel level = readLevel(exchange);
                if (subject == null) {
                    registry.setGlobalCompatibility(level);
                } else {
                    registry.setSubjectCompatibility(subject, level);
                }
                return ok(MAPPER.createObjectNode().put("compatibility", level.name()));
            }
            return only(method, "GET", () -> MAPPER.createObjectNode()
                    .put("compatibilityLevel", level(subject, Boolean.parseBoolean(query.get("defaultToGlobal"))).name()));
        }
        throw new SchemaRegistryException(SchemaRegistryException.NOT_FOUND,
                "HTTP 404 Not Found: no endpoint " + method + " " + exchange.getRequestURI().getRawPath());
    }

    private CompatibilityLevel level(String subject, boolean defaultToGlobal) {
        if (subject == null) {
            return registry.globalCompatibility();
        }
        return registry.subjectCompatibility(subject)
                .or(() -> defaultToGlobal ? Optional.of(registry.globalCompatibility()) : Optional.empty())
                .orElseThrow(() -> new SchemaRegistryException(SchemaRegistryException.SUBJECT_COMPATIBILITY_NOT_CONFIGURED,
                        "Subject '" + subject + "' does not have subject-level compatibility configured"));
    }

    private ObjectNode lookup(String subject, Schema schema) {
        return registered(registry.lookup(subject, schema));
    }

    private static ObjectNode registered(RegisteredSchema registered) {
        return MAPPER.createObjectNode()
                .put("subject", registered.subject())
                .put("version", registered.version())
                .put("id", registered.id())
                .put("schema", registered.schema().toString());
    }

    private RegisteredSchema version(String subject, String version) {
        if (isLatest(version)) {
            return registry.latest(subject);
        }
        int number;
        try {
            number = Integer.parseInt(version);
        } catch (NumberFormatException e) {
            number = 0;
        }
        if (number < 1) {
            throw new SchemaRegistryException(SchemaRegistryException.INVALID_VERSION, "The specified version '"
                    + version + "' is not a valid version id. Allowed values are between [1, 2^31-1] and the string \"latest\"");
        }
        return registry.version(subject, number);
    }

    private static boolean isLatest(String version) {
        return version.equals("latest") || version.equals("-1");
    }

    private static int schemaId(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new SchemaRegistryException(SchemaRegistryException.NOT_FOUND,
                    "HTTP 404 Not Found: schema id '" + text + "' is not a number");
        }
    }

    /** The schema in a register/lookup/compatibility body: {"schema": "...", "schemaType": ..., ...}. */
    private static Schema readSchema(HttpExchange exchange) throws IOException {
        JsonNode body = readBody(exchange);
        String type = body.path("schemaType").isNull() ? RegistryJson.AVRO : body.path("schemaType").asText(RegistryJson.AVRO);
        if (!RegistryJson.AVRO.equalsIgnoreCase(type)) {
            throw new SchemaRegistryException(SchemaRegistryException.INVALID_SCHEMA,
                    "Unsupported schemaType '" + type + "': this registry serves AVRO only");
        }
        JsonNode references = body.path("references");
        if (references.isArray() && !references.isEmpty()) {
            throw new SchemaRegistryException(SchemaRegistryException.INVALID_SCHEMA,
                    "Schema references are not supported: register self-contained schemas");
        }
        JsonNode schema = body.get("schema");
        if (schema == null || !schema.isTextual()) {
            throw new SchemaRegistryException(SchemaRegistryException.INVALID_SCHEMA,
                    "Request body lacks the 'schema' string field");
        }
        return RegistryJson.parseSchema(schema.textValue());
    }

    /** Confluent's server takes {"compatibility": ...}; its responses use "compatibilityLevel": accept both. */
    private static CompatibilityLevel readLevel(HttpExchange exchange) throws IOException {
        JsonNode body = readBody(exchange);
        JsonNode level = body.hasNonNull("compatibility") ? body.get("compatibility") : body.get("compatibilityLevel");
        return CompatibilityLevel.parse(level == null ? null : level.asText());
    }

    private static JsonNode readBody(HttpExchange exchange) throws IOException {
        byte[] bytes;
        try (InputStream in = exchange.getRequestBody()) {
            bytes = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (bytes.length > MAX_BODY_BYTES) {
            throw new SchemaRegistryException(SchemaRegistryException.BAD_REQUEST,
                    "Request body larger than " + MAX_BODY_BYTES + " bytes");
        }
        JsonNode body = bytes.length == 0 ? null : MAPPER.readTree(bytes);
        if (body == null || !body.isObject()) {
            throw new SchemaRegistryException(SchemaRegistryException.BAD_REQUEST, "Request body must be a JSON object");
        }
        return body;
    }

    private interface Body {
        Object get() throws IOException;
    }

    private static Response only(String method, String allowed, Body body) throws IOException {
        return method.equals(allowed) ? ok(body.get()) : methodNotAllowed(method);
    }

    private static Response methodNotAllowed(String method) {
        throw new SchemaRegistryException(SchemaRegistryException.METHOD_NOT_ALLOWED,
                "HTTP 405 Method Not Allowed: " + method);
    }

    private static Response ok(Object body) {
        return new Response(200, body);
    }

    private static Response error(SchemaRegistryException e) {
        return new Response(e.httpStatus(), MAPPER.createObjectNode()
                .put("error_code", e.errorCode())
                .put("message", e.getMessage()));
    }

    private static void send(HttpExchange exchange, Response response) throws IOException {
        byte[] bytes = MAPPER.writeValueAsBytes(response.body());
        exchange.getResponseHeaders().set("Content-Type", RegistryJson.CONTENT_TYPE);
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(response.status(), head ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            if (!head) {
                out.write(bytes);
            }
        }
    }

    private static List<String> segments(String rawPath) {
        List<String> segments = new ArrayList<>();
        for (String raw : rawPath == null ? new String[0] : rawPath.split("/")) {
            if (!raw.isEmpty()) {
                segments.add(RegistryJson.decodeSegment(raw));
            }
        }
        return segments;
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> params = new HashMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                String key = RegistryJson.decodeSegment(eq < 0 ? pair : pair.substring(0, eq));
                params.put(key, eq < 0 ? "" : RegistryJson.decodeSegment(pair.substring(eq + 1)));
            }
        }
        return params;
    }
}
