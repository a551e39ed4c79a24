package io.newsflow.runtime;

import java.util.Map;

/**
 * Consumer-group timings for tests in which a group member dies: a stream thread replaced by the
 * uncaught-exception handler, an app or instance killed with SIGKILL. Kafka Streams' consumers do not
 * leave the group when they close, so the group hands the dead member's partitions on only once its
 * session has expired: 45 s with Kafka's default {@code session.timeout.ms}, the bulk of such a test's
 * run time. Six seconds is the broker's minimum ({@code group.min.session.timeout.ms}); heartbeats
 * every second keep a live member's session on a loaded machine.
 */
public final class QuickFailover {

    /** Settings (under {@code kafka.streams.}) for the app's configuration. */
    public static final Map<String, String> SETTINGS = Map.of(
            "kafka.streams.session.timeout.ms", "6000",
            "kafka.streams.heartbeat.interval.ms", "1000");

    private QuickFailover() {
    }
}
