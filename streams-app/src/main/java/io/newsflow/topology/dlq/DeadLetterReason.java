package io.newsflow.topology.dlq;

/** Why a record went to the dead-letter topic; the bounded {@code reason} metric label. */
public enum DeadLetterReason {
    /** Bytes that are not a valid Avro record of the topic's type (or a null value). */
    DESERIALIZATION,
    /** No symbol / deal id / article id to key the record by. */
    MISSING_KEY,
    /** Event time missing, not positive, or outside the window of {@link InputLimits}. */
    INVALID_TIMESTAMP,
    /** Price NaN, infinite, zero or negative. */
    INVALID_PRICE,
    /** Target size <= 0, negative order book or unknown status. */
    INVALID_BOND,
    /** Title and body both empty. */
    EMPTY_ARTICLE,
    /** Too late for the windows it belongs to (beyond the grace period). */
    LATE_RECORD,
    /**
     * A valid record too large to be written on (to an internal topic or in a result) within the
     * producer's limits: under exactly-once, a refused write would abort every retry of it.
     */
    TOO_LARGE,
    /** Our own code threw while handling an otherwise valid record. */
    PROCESSING_ERROR,
    /** A result could not be written (rejected by the producer or the broker); the record carries the result. */
    PRODUCTION_ERROR,
    /**
     * Valid, but its processing did not end within its budget ({@code text.analysis.budget}): retried, it would
     * take as long again and, under exactly-once, outlast the transaction and get its thread fenced, forever.
     */
    TOO_EXPENSIVE
}
