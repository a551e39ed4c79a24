package io.newsflow.runtime.errors;

import io.newsflow.topology.dlq.DeadLetterReason;
import io.newsflow.topology.dlq.DeadLetters;
import io.newsflow.topology.dlq.RejectedRecord;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.processor.api.Record;

/**
 * {@code processing.exception.handler}, the one way to a dead letter inside the topology: a record a step
 * rejected ({@link RejectedRecord}: invalid input, a late article, a failed part of a step) becomes a dead letter
 * per failure with the step's reason; any other exception that escapes a processor (the step's own logic, a
 * state store, a serde) a {@link DeadLetterReason#PROCESSING_ERROR} one. Each carries the input record's raw key
 * and value, and processing goes on.
 * A schema registry outage is not the record's fault, nor is a {@code StreamsException} (Kafka
 * Streams' own): the thread fails and the record is retried.
 */
public final class DeadLetterProcessingHandler extends DeadLetteringHandler implements ProcessingExceptionHandler {

    public DeadLetterProcessingHandler() {
        super(Unwritable.FAILS_THE_THREAD);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        if (exception instanceof RejectedRecord rejected) {
            return deadLetters(context, rejected.failures(), context.sourceRawKey(), context.sourceRawValue())
                    .map(Response::resume).orElseGet(Response::fail);
        }
        if (failsOnOutage(context, exception)) {
            return Response.fail();
        }
        if (exception instanceof StreamsException) {
            // Kafka Streams' own failure surfacing in this processor, e.g. a result refused earlier (the
            // record collector reports it on the next send): not this record's fault, and dead-lettering
            // it would let its offset be committed past the refused result
            return Response.fail();
        }
        return deadLetter(context, DeadLetterReason.PROCESSING_ERROR,
                "in " + context.processorNodeId() + ": " + DeadLetters.describe(exception),
                context.sourceRawKey(), context.sourceRawValue()).map(Response::resume).orElseGet(Response::fail);
    }
}
