package io.newsflow.runtime.errors;

import io.newsflow.metrics.PipelineMetrics;
import io.newsflow.topology.dlq.DeadLetterReason;
import io.newsflow.topology.dlq.RejectedRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Configurable;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

/**
 * What the dead-lettering exception handlers share: the app's {@link ErrorDeadLetters} and
 * {@link FailedRecords}, handed through the Streams configuration, and the one way to answer with a
 * dead letter or fail the stream thread. A failure that is not the record's fault (a schema registry
 * outage) fails the thread, and so does a dead letter that cannot be made when the handler says so
 * ({@link Unwritable}); a thread that fails notes its record for {@link ThreadFailures}.
 */
abstract class DeadLetteringHandler implements Configurable {

    /** What a handler does with a dead letter that cannot be made for another reason than a registry outage. */
    enum Unwritable {
        /** The thread fails and the record is processed again. */
        FAILS_THE_THREAD,
        /** The dead letter is dropped and counted ({@code newsflow_records_skipped_total}). */
        IS_DROPPED
    }

    private final Unwritable unwritable;
    private ErrorDeadLetters deadLetters;
    private FailedRecords failedRecords;

    DeadLetteringHandler(Unwritable unwritable) {
        this.unwritable = unwritable;
    }

    @Override
    public void configure(Map<String, ?> configs) {
        deadLetters = ErrorDeadLetters.from(configs);
        failedRecords = FailedRecords.from(configs);
    }

    /** The app's dead letters, for a handler that makes one outside {@link #deadLetter}. */
    final ErrorDeadLetters deadLetters() {
        return deadLetters;
    }

    /** Whether {@code exception} is a registry outage, on which the thread fails (the record noted). */
    final boolean failsOnOutage(ErrorHandlerContext context, Exception exception) {
        return failedRecords.failsOnOutage(context, exception);
    }

    /**
     * The dead letters to resume with: the one of the record being processed, or none when it could not be made
     * and is dropped; empty when the thread must fail instead (the record noted).
     */
    final Optional<List<ProducerRecord<byte[], byte[]>>> deadLetter(ErrorHandlerContext context,
            DeadLetterReason reason, String detail, byte[] key, byte[] value) {
        return deadLetters(context, List.of(new RejectedRecord.Failure(reason, detail)), key, value);
    }

    /** As {@link #deadLetter}, one dead letter of the record per failure (a step may reject a record for several). */
    final Optional<List<ProducerRecord<byte[], byte[]>>> deadLetters(ErrorHandlerContext context,
            List<RejectedRecord.Failure> failures, byte[] key, byte[] value) {
        try {
            List<ProducerRecord<byte[], byte[]>> letters = new ArrayList<>(failures.size());
            for (RejectedRecord.Failure failure : failures) {
                letters.add(deadLetters.of(context, failure.reason(), failure.detail(), key, value));
            }
            return Optional.of(letters);
        } catch (RuntimeException e) {
            if (unwritable == Unwritable.FAILS_THE_THREAD) {
                failedRecords.failingOn(context);
                return Optional.empty();
            }
            return failsOnOutage(context, e) ? Optional.empty() : Optional.of(dropped());
        }
    }

    /** No dead letter, counted as a dead letter not written. */
    final List<ProducerRecord<byte[], byte[]>> dropped() {
        deadLetters.skipped(PipelineMetrics.DEAD_LETTER_NOT_WRITTEN);
        return List.of();
    }
}
