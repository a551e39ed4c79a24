package io.newsflow.bench;

/**
 * One sustained run over pre-loaded input: all of it, and its steady-state part, from the moment
 * {@link #CLOCK_START_FRACTION} of the input had been processed to the end. Records per second are
 * those of the steady state: the first records of a Kafka Streams run share the stream thread with
 * task start-up (opening RocksDB stores, restoring in-memory ones), which is not throughput.
 */
record ThroughputResult(String name, long records, long elapsedNanos, long steadyRecords, long steadyNanos,
        ResourceMonitor.Peak heap) {

    static final double CLOCK_START_FRACTION = 0.1;

    /** A run measured as a whole (the producer pre-load). */
    ThroughputResult(String name, long records, long elapsedNanos, ResourceMonitor.Peak heap) {
        this(name, records, elapsedNanos, records, elapsedNanos, heap);
    }

    double seconds() {
        return elapsedNanos / 1e9;
    }

    double recordsPerSecond() {
        return steadyNanos <= 0 ? 0 : steadyRecords / (steadyNanos / 1e9);
    }
}
