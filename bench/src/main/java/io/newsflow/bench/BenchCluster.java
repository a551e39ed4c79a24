package io.newsflow.bench;

/** The Kafka cluster a benchmark runs against: the in-process broker by default, or an external one. */
interface BenchCluster extends AutoCloseable {

    String bootstrapServers();

    /** Human-readable description for the report. */
    String describe();

    @Override
    void close();
}
