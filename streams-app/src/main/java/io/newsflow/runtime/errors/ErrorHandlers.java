package io.newsflow.runtime.errors;

import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The newsflow error handlers in a Kafka Streams configuration: the processing exception handler (KIP-1033), the
 * one way to a dead letter inside the topology; the deserialization handler for what no decode step sees; the
 * production handler for results the broker refuses. Each answers with dead-letter records (KIP-1034) made by the
 * app's {@link ErrorDeadLetters}. Handlers the configuration names under {@code kafka.streams.*} stay.
 */
public final class ErrorHandlers {

    private ErrorHandlers() {
    }

    /**
     * @param failedRecords the records whose failure failed a thread ({@code ThreadFailures} reads them)
     * @param refusedWrites the results the broker refused, which the production handler dead-letters
     */
    public static void install(Properties props, ErrorDeadLetters deadLetters, FailedRecords failedRecords,
            RefusedWrites refusedWrites) {
        props.putIfAbsent(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProductionHandler.class);
        props.putIfAbsent(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingHandler.class);
        props.putIfAbsent(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                DeadLetterDeserializationHandler.class);
        props.put(ErrorDeadLetters.CONFIG, deadLetters);
        props.put(FailedRecords.CONFIG, failedRecords);
        props.put(RefusedWrites.CONFIG, refusedWrites);
    }
}
