package io.newsflow.serde.registry;

import static io.newsflow.serde.registry.RegistryJson.MAPPER;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Optional;

/**
 * The records of a registry's {@code _schemas} topic, in Confluent Schema Registry's JSON format
 * so either registry can read the other's topic:
 * <ul>
 *   <li>schema: key {@code {"keytype":"SCHEMA","subject":s,"version":v,"magic":1}}, value
 *       {@code {"subject":s,"version":v,"id":id,"schema":"...","deleted":false}};</li>
 *   <li>compatibility: key {@code {"keytype":"CONFIG","subject":s,"magic":0}} (no subject for the
 *       global level), value {@code {"compatibilityLevel":"FULL"}}.</li>
 * </ul>
 * Other key types (NOOP, MODE, DELETE_SUBJECT...), tombstones and soft-deleted schemas are not
 * supported (this registry deletes nothing) and are skipped when read.
 */
final class SchemasTopicFormat {

    /** A record read from the topic. */
    sealed interface Entry permits SchemaEntry, ConfigEntry, Skipped {
    }

    record SchemaEntry(InMemorySchemaRegistry.Registration registration) implements Entry {
    }

    /** {@code subject} empty for the global level. */
    record ConfigEntry(Optional<String> subject, CompatibilityLevel level) implements Entry {
    }

    record Skipped(String why) implements Entry {
    }

    private SchemasTopicFormat() {
    }

    static byte[] schemaKey(String subject, int version) {
        return bytes(MAPPER.createObjectNode().put("keytype", "SCHEMA").put("subject", subject)
                .put("version", version).put("magic", 1));
    }

    static byte[] schemaValue(InMemorySchemaRegistry.Registration r) {
        return bytes(MAPPER.createObjectNode().put("subject", r.subject()).put("version", r.version())
                .put("id", r.id()).put("schema", r.schema().toString()).put("deleted", false));
    }

    static byte[] configKey(Optional<String> subject) {
        ObjectNode key = MAPPER.createObjectNode().put("keytype", "CONFIG");
        subject.ifPresent(s -> key.put("subject", s));
        return bytes(key.put("magic", 0));
    }

    static byte[] configValue(CompatibilityLevel level) {
        return bytes(MAPPER.createObjectNode().put("compatibilityLevel", level.name()));
    }

    /** Decodes one record; anything this registry does not understand is {@link Skipped}, never an exception. */
    static Entry decode(byte[] key, byte[] value) {
        JsonNode k = tree(key);
        if (k == null) {
            return new Skipped("key is not JSON");
        }
        String type = k.path("keytype").asText("");
        JsonNode v = tree(value);
        try {
            return switch (type) {
                case "SCHEMA" -> schema(v);
                case "CONFIG" -> v == null ? new Skipped("config tombstone") : new ConfigEntry(
                        Optional.ofNullable(k.hasNonNull("subject") ? k.get("subject").asText() : null),
                        CompatibilityLevel.parse(v.path("compatibilityLevel").asText(null)));
                default -> new Skipped("key type '" + type + "'");
            };
        } catch (SchemaRegistryException e) {
            return new Skipped(type + " record: " + e.getMessage());
        }
    }

    private static Entry schema(JsonNode v) {
        if (v == null) {
            return new Skipped("schema tombstone (hard delete)");
        }
        if (v.path("deleted").asBoolean(false)) {
            return new Skipped("soft-deleted schema");
        }
        String type = v.path("schemaType").asText(RegistryJson.AVRO);
        if (!RegistryJson.AVRO.equalsIgnoreCase(type)) {
            return new Skipped(type + " schema");
        }
        return new SchemaEntry(new InMemorySchemaRegistry.Registration(v.path("subject").asText(),
                v.path("version").asInt(), v.path("id").asInt(), RegistryJson.parseSchema(v.path("schema").asText(null))));
    }

    private static JsonNode tree(byte[] json) {
        if (json == null) {
            return null;
        }
        try {
            JsonNode node = MAPPER.readTree(json);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static byte[] bytes(ObjectNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot encode " + node, e);
        }
    }
}
