package io.newsflow.topology.dlq;

import io.newsflow.avro.DeadLetter;

/**
 * What a guarded processor forwards: either a result or a dead letter. It lives only between a
 * processor and the {@code split} that follows it, so it never needs a serde.
 */
public record Routed<T>(T value, DeadLetter deadLetter) {

    public static <T> Routed<T> ok(T value) {
        return new Routed<>(value, null);
    }

    public static <T> Routed<T> dead(DeadLetter deadLetter) {
        return new Routed<>(null, deadLetter);
    }

    public boolean isDeadLetter() {
        return deadLetter != null;
    }
}
