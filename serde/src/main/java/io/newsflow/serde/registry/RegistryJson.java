package io.newsflow.serde.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.apache.avro.Schema;

/** What the registry's REST client and server share: media type, JSON mapper, path and schema codecs. */
final class RegistryJson {

    /** Confluent's media type; its clients send and accept it. */
    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    static final String AVRO = "AVRO";
    /** Jackson's ObjectMapper is thread-safe once configured. */
    static final ObjectMapper MAPPER = new ObjectMapper();

    private RegistryJson() {
    }

    /** Percent-encodes one path segment (a subject may hold '/', ' ', '+', non-ASCII). */
    static String encodeSegment(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Inverse of {@link #encodeSegment}; a literal '+' in a path is a plus, not a space. */
    static String decodeSegment(String rawSegment) {
        return URLDecoder.decode(rawSegment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** Parses schema text as the registry stores it; 42201 when it is not a valid Avro schema. */
    static Schema parseSchema(String text) {
        if (text == null || text.isBlank()) {
            throw new SchemaRegistryException(SchemaRegistryException.INVALID_SCHEMA, "Empty schema");
        }
        try {
            return new Schema.Parser().parse(text);
        } catch (RuntimeException e) {
            // Avro 1.12 reports some bad schemas (an unknown type name) as NullPointerException.
            throw new SchemaRegistryException(SchemaRegistryException.INVALID_SCHEMA,
                    "Invalid Avro schema: " + e.getMessage(), e);
        }
    }
}
