package io.newsflow.bench;

/** Records per second of one sustained run over pre-loaded input. */
record ThroughputResult(String name, long records, long elapsedNanos, ResourceMonitor.Peak heap) {

    double seconds() {
        return elapsedNanos / 1e9;
    }

    double recordsPerSecond() {
        return elapsedNanos == 0 ? 0 : records / seconds();
    }
}
