package io.newsflow.bench;

import java.util.Locale;

/**
 * One sustained run over pre-loaded input: all of it, and its steady-state part, from the moment
 * {@link #CLOCK_START_FRACTION} of the input had been processed to the end. Records per second are
 * those of the steady state: the first records of a Kafka Streams run share the stream thread with
 * task start-up (opening RocksDB stores, restoring in-memory ones), which is not throughput.
 * {@code steadyCpu} is the CPU used over that steady state (null when not measured).
 */
record ThroughputResult(String name, long records, long elapsedNanos, long steadyRecords, long steadyNanos,
        ResourceMonitor.Peak heap, CpuClock steadyCpu) {

    static final double CLOCK_START_FRACTION = 0.1;

    /** A run measured as a whole (the producer pre-load). */
    ThroughputResult(String name, long records, long elapsedNanos, ResourceMonitor.Peak heap) {
        this(name, records, elapsedNanos, records, elapsedNanos, heap, null);
    }

    double seconds() {
        return elapsedNanos / 1e9;
    }

    /** JVM CPU (all threads, from the phase start) per input record. */
    double cpuMicrosPerRecord() {
        return heap.cpuNanos() / 1000.0 / Math.max(1, records);
    }

    /** JVM CPU per record over the steady state (the window of {@link #recordsPerSecond()}), or NaN. */
    double steadyCpuMicrosPerRecord() {
        return steadyCpu == null || steadyRecords <= 0 ? Double.NaN : steadyCpu.processNanos() / 1000.0 / steadyRecords;
    }

    /** The stream threads' CPU per record over the steady state, or NaN (no stream thread: the plain clients). */
    double steadyStreamThreadMicrosPerRecord() {
        return steadyCpu == null || steadyRecords <= 0 || steadyCpu.streamThreadNanos() == 0 ? Double.NaN
                : steadyCpu.streamThreadNanos() / 1000.0 / steadyRecords;
    }

    /** One round's figures, as the benchmark logs each round. */
    String roundSummary() {
        return String.format(Locale.ROOT, "%,.0f records/s; µs of CPU per record: JVM %.1f from the start "
                + "(JIT compiling %,d ms), steady state JVM %s, stream threads %s", recordsPerSecond(),
                cpuMicrosPerRecord(), heap.compileMillis(), figure(steadyCpuMicrosPerRecord()),
                figure(steadyStreamThreadMicrosPerRecord()));
    }

    /** A CPU figure with one decimal, or "n/a" when it was not measured (NaN). */
    static String figure(double micros) {
        return Double.isNaN(micros) ? "n/a" : String.format(Locale.ROOT, "%.1f", micros);
    }

    double recordsPerSecond() {
        return steadyNanos <= 0 ? 0 : steadyRecords / (steadyNanos / 1e9);
    }
}
