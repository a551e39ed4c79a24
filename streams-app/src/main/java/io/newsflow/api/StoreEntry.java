package io.newsflow.api;

import com.fasterxml.jackson.databind.JsonNode;

/** One key-value pair read from a state store, the value as JSON ({@link StateJson}). */
public record StoreEntry(String key, JsonNode value) {
}
