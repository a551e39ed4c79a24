package io.newsflow.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.topology.bond.DealState;
import io.newsflow.topology.market.TickPoint;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

/**
 * State store values as JSON. Avro records are written field by field from their schema, so the
 * API passes through whatever fields a record has (a field added to a schema shows up without a
 * change here); instants are ISO-8601 strings.
 */
public final class StateJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private StateJson() {
    }

    public static JsonNode toJson(Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof IndexedRecord record) {
            ObjectNode node = NODES.objectNode();
            for (Schema.Field field : record.getSchema().getFields()) {
                node.set(field.name(), toJson(record.get(field.pos())));
            }
            return node;
        }
        if (value instanceof DealState deal) {
            return toJson(deal.summary());
        }
        if (value instanceof io.newsflow.topology.bond.TrancheBook tranches) {
            return toJson(tranches.summaries());
        }
        if (value instanceof io.newsflow.topology.signal.SignalObservation o) {
            return NODES.objectNode().put("articleId", o.articleId()).put("publishedAt", o.publishedAt())
                    .put("sentiment", o.sentiment()).put("car", o.car());
        }
        if (value instanceof TickPoint tick) {
            return NODES.objectNode().put("time", Instant.ofEpochMilli(tick.time()).toString()).put("price", tick.price());
        }
        if (value instanceof CharSequence || value instanceof Enum<?> || value instanceof Instant) {
            return NODES.textNode(value.toString());
        }
        if (value instanceof Integer i) {
            return NODES.numberNode(i);
        }
        if (value instanceof Long l) {
            return NODES.numberNode(l);
        }
        if (value instanceof Number n) {
            return NODES.numberNode(n.doubleValue());
        }
        if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode node = NODES.objectNode();
            map.forEach((k, v) -> node.set(String.valueOf(k), toJson(v)));
            return node;
        }
        if (value instanceof Collection<?> items) {
            ArrayNode node = NODES.arrayNode();
            items.forEach(item -> node.add(toJson(item)));
            return node;
        }
        if (value instanceof ByteBuffer bytes) {
            return NODES.textNode(Base64.getEncoder().encodeToString(bytes.duplicate().array()));
        }
        return NODES.textNode(value.toString()); // Avro enum symbols, fixed, logical types without a case above
    }
}
