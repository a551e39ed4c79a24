package io.newsflow.bench;

/** A cluster the user started elsewhere ({@code --bootstrap host:port}); the benchmark does not own it. */
final class ExternalCluster implements BenchCluster {

    private final String bootstrapServers;

    ExternalCluster(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    @Override
    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public String describe() {
        return "external broker " + bootstrapServers;
    }

    @Override
    public void close() {
    }
}
