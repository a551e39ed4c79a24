package io.newsflow.topology.dlq;

import io.newsflow.avro.DeadLetter;

/**
 * What a guarded processor (and the decode step) forwards: either a result or a dead letter. The
 * topology {@code split()}s it right after the processor, dead letters to their topic and results on
 * their way, so it is never written to a topic and never needs a serde.
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
