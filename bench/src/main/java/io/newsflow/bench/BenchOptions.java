package io.newsflow.bench;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Command-line options of {@link BenchMain}, as {@link BenchCommand} parses them.
 *
 * @param records input records pre-loaded for the throughput runs
 * @param rate offered load of the latency runs, events per second
 * @param durationSeconds length of each latency run
 * @param partitions partitions of every input and output topic
 * @param phases what to run
 * @param bootstrap external cluster, or null for the in-process broker
 * @param seed workload seed
 * @param streamsOverrides Kafka Streams settings that replace the app's for this run (--guarantee, --commit-interval-ms, --streams k=v)
 * @param warmups unmeasured rounds of each throughput phase before the measured one (the JIT compiles the hot
 *                paths during the first round; on 2 cores its compiler threads compete with the stream thread)
 * @param latencyWarmupSeconds seconds of offered load before each latency run's measured part
 * @param repeats measured rounds of each throughput phase; the median round is reported (a shared VM varies by
 *                tens of percent from one run to the next)
 */
record BenchOptions(long records, int rate, int durationSeconds, int partitions, Set<Phase> phases, String bootstrap,
        long seed, Map<String, String> streamsOverrides, int warmups,
        int repeats, int latencyWarmupSeconds) {

    enum Phase {
        PASSTHROUGH, STREAMS_PASSTHROUGH, TOPOLOGY, LATENCY, PASSTHROUGH_LATENCY, STREAMS_PASSTHROUGH_LATENCY, ALERT_LATENCY;

        /** @throws IllegalArgumentException naming the phase when there is none of that name */
        static Phase parse(String name) {
            try {
                return valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown phase '" + name + "'");
            }
        }
    }

    /**
     * Parses the command line, as {@code BenchMain} does.
     *
     * @throws IllegalArgumentException with picocli's message when the arguments are not usable
     */
    static BenchOptions parse(String... args) {
        BenchCommand command = new BenchCommand();
        try {
            new CommandLine(command).parseArgs(args);
        } catch (ParameterException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return command.options();
    }
}
