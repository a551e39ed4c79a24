package io.newsflow.runtime.errors;

import io.newsflow.topology.dlq.DeadLetters;
import org.apache.kafka.common.errors.ApiException;

/**
 * A result not sent because it was refused before ({@link RefusedWrites}); the cause is the first refusal.
 * Not retriable, so that Kafka Streams asks the production exception handler what to do.
 */
public final class RefusedWriteException extends ApiException {

    RefusedWriteException(Exception firstRefusal) {
        super("refused before, not sent again: " + DeadLetters.describe(firstRefusal), firstRefusal);
    }

    /** The first refusal, as the producer or the broker reported it. */
    Exception firstRefusal() {
        return (Exception) getCause();
    }
}
