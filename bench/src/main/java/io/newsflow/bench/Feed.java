package io.newsflow.bench;

/** What a paced producer offers: the next input record, stamped with the time it is due. */
interface Feed {

    /** The next event, stamped with the given time (record timestamp and the payload's event time). */
    BenchEvent next(long timestampMillis);
}
