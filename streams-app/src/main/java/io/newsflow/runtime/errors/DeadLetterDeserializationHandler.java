package io.newsflow.runtime.errors;

import io.newsflow.topology.dlq.DeadLetterReason;
import io.newsflow.topology.dlq.DeadLetters;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

/**
 * {@code deserialization.exception.handler}: the inputs' sources decode without throwing (the
 * decode step dead-letters), so this only sees the topics read back with a typed serde (the article scores): an
 * undecodable record there becomes a {@link DeadLetterReason#DESERIALIZATION} dead letter instead
 * of failing the stream thread; a schema registry outage fails it and the record is retried.
 */
public final class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {

    private ErrorDeadLetters deadLetters;
    private FailedRecords failedRecords;

    @Override
    public void configure(Map<String, ?> configs) {
        deadLetters = ErrorDeadLetters.from(configs);
        failedRecords = FailedRecords.from(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        if (failedRecords.failsOnOutage(context, exception)) {
            return Response.fail();
        }
        try {
            return Response.resume(List.of(deadLetters.of(context, DeadLetterReason.DESERIALIZATION,
                    DeadLetters.describe(exception), record.key(), record.value())));
        } catch (RuntimeException e) {
            failedRecords.failingOn(context);
            return Response.fail();
        }
    }
}
