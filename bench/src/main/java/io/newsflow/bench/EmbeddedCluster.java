package io.newsflow.bench;

import io.newsflow.runtime.EmbeddedKafkaBroker;

/** The default: a single-node KRaft broker in this JVM (no set-up; its heap counts in the heap figures). */
final class EmbeddedCluster implements BenchCluster {

    private final EmbeddedKafkaBroker broker;

    EmbeddedCluster() {
        this.broker = EmbeddedKafkaBroker.start();
    }

    @Override
    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    @Override
    public String describe() {
        return "in-process single-node KRaft broker (io.newsflow.runtime.EmbeddedKafkaBroker)";
    }

    @Override
    public void close() {
        broker.close();
    }
}
