package io.newsflow.runtime;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Lets a long-running command wait for Ctrl-C (SIGINT/SIGTERM) and still clean up: the JVM
 * shutdown hook releases {@link #await()} and then holds the JVM until {@link #close()} says the
 * command has released its resources (or a grace period has passed), so an embedded broker or a
 * Kafka Streams instance is closed cleanly instead of being killed mid-write.
 *
 * <pre>{@code
 * try (ShutdownSignal signal = ShutdownSignal.register(); EmbeddedKafkaBroker broker = ...) {
 *     signal.await();
 * } // broker closed first, then the hook is released
 * }</pre>
 */
public final class ShutdownSignal implements StopSignal {

    private static final Duration GRACE = Duration.ofSeconds(30);

    private final CountDownLatch requested = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);
    private final Thread hook;

    private ShutdownSignal() {
        hook = new Thread(this::onShutdown, "newsflow-shutdown");
    }

    public static ShutdownSignal register() {
        ShutdownSignal signal = new ShutdownSignal();
        Runtime.getRuntime().addShutdownHook(signal.hook);
        return signal;
    }

    private void onShutdown() {
        requested.countDown();
        try {
            released.await(GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Blocks until the JVM is asked to shut down. */
    @Override
    public void await() throws InterruptedException {
        requested.await();
    }

    /** Releases the shutdown hook; call after the resources are closed. */
    @Override
    public void close() {
        released.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // Shutdown already in progress: the hook is running and has just been released.
        }
    }
}
