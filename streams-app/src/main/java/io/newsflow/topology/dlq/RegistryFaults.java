package io.newsflow.topology.dlq;

import io.newsflow.serde.registry.SchemaRegistryException;

/**
 * Tells a schema registry outage (no answer, a timeout, 5xx, refused credentials, throttling: the
 * records are fine and will decode once the registry answers) from bad input (an id the registry
 * does not know, 40403: the record is bad and is dead-lettered).
 */
public final class RegistryFaults {

    public static final String SOURCE = "schema-registry";

    private RegistryFaults() {
    }

    /** True when {@code e} or one of its causes is a registry call that failed for a reason other than the data. */
    public static boolean isOutage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SchemaRegistryException registry) {
                int status = registry.errorCode() == SchemaRegistryException.NO_RESPONSE ? 503 : registry.httpStatus();
                return status >= 500 || status == 401 || status == 403 || status == 408 || status == 429;
            }
        }
        return false;
    }

    /** Thrown when a record has waited for the registry for a while: Kafka Streams retries it from the last commit. */
    public static final class Unavailable extends RuntimeException {
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
