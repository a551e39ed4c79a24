package io.newsflow.runtime;

/** Something a long-running command waits for before it closes its resources and returns. */
public interface StopSignal extends AutoCloseable {

    void await() throws InterruptedException;

    @Override
    void close();
}
