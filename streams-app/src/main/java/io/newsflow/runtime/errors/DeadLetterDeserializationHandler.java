package io.newsflow.runtime.errors;

import io.newsflow.topology.dlq.DeadLetterReason;
import io.newsflow.topology.dlq.DeadLetters;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

/**
 * {@code deserialization.exception.handler}: the inputs' sources decode without throwing (the
 * decode step dead-letters), so this only sees the topics read back with a typed serde (the article scores): an
 * undecodable record there becomes a {@link DeadLetterReason#DESERIALIZATION} dead letter instead
 * of failing the stream thread; a schema registry outage fails it and the record is retried.
 */
public final class DeadLetterDeserializationHandler extends DeadLetteringHandler implements DeserializationExceptionHandler {

    public DeadLetterDeserializationHandler() {
        super(Unwritable.FAILS_THE_THREAD);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        if (failsOnOutage(context, exception)) {
            return Response.fail();
        }
        return deadLetter(context, DeadLetterReason.DESERIALIZATION, DeadLetters.describe(exception), record.key(),
                record.value()).map(Response::resume).orElseGet(Response::fail);
    }
}
