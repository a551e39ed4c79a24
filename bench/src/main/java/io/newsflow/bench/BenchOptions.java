package io.newsflow.bench;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Command-line options of {@link BenchMain}.
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
        PASSTHROUGH, STREAMS_PASSTHROUGH, TOPOLOGY, LATENCY, PASSTHROUGH_LATENCY, STREAMS_PASSTHROUGH_LATENCY;

        static Phase parse(String name) {
            return valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    static final String USAGE = """
            usage: BenchMain [--records N] [--rate R] [--duration S] [--partitions P]
                             [--only PHASE[,PHASE...]]
                             [--bootstrap host:port] [--seed X]
                             [--guarantee at_least_once|exactly_once_v2] [--commit-interval-ms MS] [--streams key=value]
                             [--warmup N] [--repeat N] [--latency-warmup S]
              --records     records pre-loaded for the throughput runs (default 400000)
              --warmup      unmeasured rounds of each throughput phase before the measured ones (default 1; 0 = none)
              --repeat      measured rounds of each throughput phase, the median is reported (default 3)
              --latency-warmup  seconds of offered load before each latency run is measured (default 30)
              --rate        offered load of the latency runs, events/s (default 10000)
              --duration    seconds of each latency run (default 30)
              --partitions  partitions per topic (default 3)
              --only        phases to run (default passthrough,streams-passthrough,topology,latency)
                            passthrough          raw limit: plain consumer -> Avro decode/encode -> producer, records/s
                            streams-passthrough  the same as a Kafka Streams source->sink topology, records/s
                            topology             the newsflow topology, records/s
                            latency              the newsflow topology at --rate for --duration, p50/p99/max
                            passthrough-latency  the raw passthrough at --rate for --duration (reference)
                            streams-passthrough-latency  the Streams passthrough at --rate for --duration
              --bootstrap   use an external Kafka cluster instead of the in-process broker
              --seed        workload seed (default 42)
              --guarantee   processing.guarantee of the Streams runs (default: the app's, newsflow.properties)
              --commit-interval-ms  commit.interval.ms of the Streams runs (default: the app's)
              --streams     any other Kafka Streams setting for the Streams runs, repeatable
            """;

    static BenchOptions parse(String... args) {
        long records = 400_000;
        int rate = 10_000;
        int duration = 30;
        int partitions = 3;
        Set<Phase> phases = EnumSet.of(Phase.PASSTHROUGH, Phase.STREAMS_PASSTHROUGH, Phase.TOPOLOGY, Phase.LATENCY);
        Map<String, String> streams = new LinkedHashMap<>();
        String bootstrap = null;
        long seed = 42;
        int warmups = 1;
        int repeats = 3;
        int latencyWarmup = 30;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--help") || flag.equals("-h")) {
                throw new IllegalArgumentException(USAGE);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value for " + flag + "\n" + USAGE);
            }
            String value = args[++i];
            switch (flag) {
                case "--records" -> records = positiveLong(flag, value);
                case "--rate" -> rate = (int) positiveLong(flag, value);
                case "--duration" -> duration = (int) positiveLong(flag, value);
                case "--partitions" -> partitions = (int) positiveLong(flag, value);
                case "--bootstrap" -> bootstrap = value;
                case "--seed" -> seed = Long.parseLong(value);
                case "--warmup" -> warmups = value.equals("0") ? 0 : (int) positiveLong(flag, value);
                case "--repeat" -> repeats = (int) positiveLong(flag, value);
                case "--latency-warmup" -> latencyWarmup = value.equals("0") ? 0 : (int) positiveLong(flag, value);
                case "--guarantee" -> streams.put("processing.guarantee", value);
                case "--commit-interval-ms" -> streams.put("commit.interval.ms", String.valueOf(positiveLong(flag, value)));
                case "--streams" -> {
                    int eq = value.indexOf('=');
                    if (eq <= 0) {
                        throw new IllegalArgumentException("--streams needs key=value, got '" + value + "'");
                    }
                    streams.put(value.substring(0, eq).trim(), value.substring(eq + 1).trim());
                }
                case "--only" -> {
                    phases = EnumSet.noneOf(Phase.class);
                    for (String name : value.split(",")) {
                        try {
                            phases.add(Phase.parse(name));
                        } catch (IllegalArgumentException e) {
                            throw new IllegalArgumentException("unknown phase '" + name + "'\n" + USAGE, e);
                        }
                    }
                }
                default -> throw new IllegalArgumentException("unknown option " + flag + "\n" + USAGE);
            }
        }
        return new BenchOptions(records, rate, duration, partitions, phases, bootstrap, seed, Map.copyOf(streams),
                warmups, repeats, latencyWarmup);
    }

    private static long positiveLong(String flag, String value) {
        try {
            long parsed = Long.parseLong(value.replace("_", ""));
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(flag + " needs a positive integer, got '" + value + "'");
    }
}
