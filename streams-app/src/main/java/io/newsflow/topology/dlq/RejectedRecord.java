package io.newsflow.topology.dlq;

import java.util.List;

/**
 * A step's verdict that the record it processes is to be dead-lettered (late, invalid, a failed part), with a
 * reason and a detail per failure: the step's other results are forwarded first, then this is thrown, and the one
 * processing exception handler ({@code DeadLetterProcessingHandler}, KIP-1033) writes a dead letter of the record
 * per failure (KIP-1034), and processing goes on. Not a {@code StreamsException}: those fail the thread.
 */
public final class RejectedRecord extends RuntimeException {

    /** One failure: why, and what a reader of the dead letter needs to know. */
    public record Failure(DeadLetterReason reason, String detail) {
    }

    private final List<Failure> failures;

    public RejectedRecord(DeadLetterReason reason, String detail) {
        this(List.of(new Failure(reason, detail == null ? reason.name() : detail)));
    }

    public RejectedRecord(List<Failure> failures) {
        super(failures.get(0).reason() + ": " + failures.get(0).detail(), null, false, false); // expected: no stack trace
        this.failures = List.copyOf(failures);
    }

    public List<Failure> failures() {
        return failures;
    }
}
