package io.newsflow.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Drops the library warnings that say nothing to act on, each named here with why, so that the
 * console shows newsflow's own lines and real warnings. Everything else passes.
 */
public final class KnownNoiseFilter extends Filter<ILoggingEvent> {

    private record Noise(String logger, Pattern message) {
    }

    private static final List<Noise> NOISE = List.of(
            // Javalin compares its build date with today's on every start: an age is not a problem.
            new Noise("io.javalin.Javalin", Pattern.compile("Your Javalin version is \\d+ days old.*", Pattern.DOTALL)),
            // Kafka Streams creates its repartition and changelog topics at the first rebalance; until
            // then its clients' metadata requests find them missing, which they retry.
            // (only when every topic the warning names is such an internal topic)
            new Noise("org.apache.kafka.clients.NetworkClient", Pattern.compile(
                    ".*(Error while fetching metadata|The metadata response from the cluster reported a recoverable"
                            + " issue) with correlation id \\d+ : \\{(?:[^=,}]+-(?:repartition|changelog)"
                            + "=(?:UNKNOWN_TOPIC_OR_PARTITION|LEADER_NOT_AVAILABLE)(?:, )?)+\\}.*", Pattern.DOTALL)),
            // Every StreamsBuilder() builds a placeholder StreamsConfig of its own, which warns that the
            // global processing handler is off; the app's real config enables it (NewsflowApp).
            new Noise("org.apache.kafka.streams.StreamsConfig", Pattern.compile(
                    "Processing exception handler is not enabled for the GlobalThread.*", Pattern.DOTALL)),
            // The state directory is newsflow's own temporary one when state.dir is empty (deleted on exit,
            // docs/configuration.md): the warning about OS temp directories is for a state meant to last.
            new Noise("org.apache.kafka.streams.processor.internals.StateDirectory", Pattern.compile(
                    "Using an OS temp directory in the state.dir property.*newsflow-state-\\d+\\]", Pattern.DOTALL)),
            // The embedded broker's controller channel is closed twice on shutdown.
            new Noise("org.apache.kafka.clients.NetworkClient", Pattern.compile(
                    ".*NodeToControllerChannelManager.*Attempting to close NetworkClient that has already been closed.*",
                    Pattern.DOTALL)),
            // One per task at every rebalance when there is no other instance to place a standby on:
            // explained once at start instead (StandbyReplicas).
            new Noise("org.apache.kafka.streams.processor.internals.assignment.DefaultStandbyTaskAssignor",
                    Pattern.compile(".*Unable to assign \\d+ of \\d+ standby tasks.*", Pattern.DOTALL)));

    @Override
    public FilterReply decide(ILoggingEvent event) {
        for (Noise noise : NOISE) {
            if (event.getLoggerName().equals(noise.logger()) && noise.message().matcher(event.getFormattedMessage()).matches()) {
                return FilterReply.DENY;
            }
        }
        return FilterReply.NEUTRAL;
    }
}
