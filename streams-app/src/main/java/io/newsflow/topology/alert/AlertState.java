package io.newsflow.topology.alert;

/** The move a symbol+window is currently "in": no further alert until it ends. */
public record AlertState(String alertId, String direction, long startTime, long triggeredAt) {
}
