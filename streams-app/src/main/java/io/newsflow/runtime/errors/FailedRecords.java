package io.newsflow.runtime.errors;

import io.newsflow.topology.dlq.RegistryFaults;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

/**
 * The record a stream thread was processing when an error handler failed it, kept for
 * {@link ThreadFailures} (which runs on the failing thread next) to count failures per record.
 */
public final class FailedRecords {

    /** Streams configuration entry holding the app's instance (an object, not a string). */
    public static final String CONFIG = "newsflow.failed.records";

    private final Map<String, String> byThread = new ConcurrentHashMap<>();

    static FailedRecords from(Map<String, ?> configs) {
        Object value = configs.get(CONFIG);
        if (value instanceof FailedRecords records) {
            return records;
        }
        throw new ConfigException(CONFIG, value, "the newsflow error handlers need the app's FailedRecords");
    }

    /** The current thread fails on the record of {@code context} (nothing when it has no input record). */
    void failingOn(ErrorHandlerContext context) {
        if (context.topic() != null && context.offset() >= 0) {
            byThread.put(Thread.currentThread().getName(), context.topic() + "-" + context.partition() + "@" + context.offset());
        }
    }

    /**
     * Whether {@code exception} is a schema registry outage, which is not the record's fault: the
     * handler fails the thread, so the record is noted ({@link #failingOn}) and retried.
     */
    boolean failsOnOutage(ErrorHandlerContext context, Exception exception) {
        if (!RegistryFaults.isOutage(exception)) {
            return false;
        }
        failingOn(context);
        return true;
    }

    /** {@code topic-partition@offset} of the record the current thread failed on, if a handler said; forgotten once asked. */
    Optional<String> take() {
        return Optional.ofNullable(byThread.remove(Thread.currentThread().getName()));
    }
}
