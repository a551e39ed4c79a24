package io.newsflow.bench;

import java.util.Collection;

/** The passthrough as a latency-run subject: a fresh group that starts at the latest offsets. */
final class PassthroughUnderTest implements SystemUnderTest {

    private final Passthrough passthrough;
    private final Thread thread;

    PassthroughUnderTest(BenchClients clients, int lingerMs, long commitIntervalMs) {
        this.passthrough = new Passthrough(clients, "bench-passthrough-latency-" + System.nanoTime(), Long.MAX_VALUE,
                lingerMs, commitIntervalMs, "latest");
        this.thread = new Thread(passthrough, "bench-passthrough");
    }

    @Override
    public String name() {
        return "passthrough";
    }

    @Override
    public void startAndAwaitReady() throws Exception {
        thread.start();
        if (!passthrough.awaitAssigned(60_000) || passthrough.failure() != null) {
            throw new IllegalStateException("passthrough did not get its partitions", passthrough.failure());
        }
    }

    @Override
    public Collection<String> outputTopics() {
        return Passthrough.outputTopics();
    }

    @Override
    public void close() throws Exception {
        passthrough.stop();
        thread.join();
        if (passthrough.failure() != null) {
            throw passthrough.failure();
        }
    }
}
