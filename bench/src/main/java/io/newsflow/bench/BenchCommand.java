package io.newsflow.bench;

import io.newsflow.bench.BenchOptions.Phase;
import io.newsflow.cli.KeyValueConverter;
import io.newsflow.cli.ParsingConverter;
import io.newsflow.config.AppConfig;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** The command line of {@link BenchMain}, parsed by picocli into {@link BenchOptions}. */
@Command(name = "BenchMain", sortOptions = false,
        description = {"Raw Kafka passthrough vs the newsflow topology on the same seeded input: throughput over "
                + "pre-loaded records and end-to-end latency at a fixed offered load, as Markdown tables.",
                "Figures and the commands that produced them: docs/benchmarks.md."},
        footer = {"", "Phases (--only):",
                "  passthrough                  raw limit: plain consumer -> Avro decode/encode",
                "                               -> producer, records/s",
                "  streams-passthrough          the same as a Kafka Streams source->sink topology",
                "  topology                     the newsflow topology, records/s",
                "  latency                      the newsflow topology at --rate for --duration,",
                "                               p50/p99/max",
                "  passthrough-latency          the raw passthrough at --rate for --duration",
                "  streams-passthrough-latency  the Streams passthrough at --rate for --duration",
                "  alert-latency                the topology's sharp-move alerts at --rate for --duration,",
                "                               ticks only, a third of the tick partitions quiet"})
final class BenchCommand implements Callable<Integer> {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Option(names = "--records", paramLabel = "N", defaultValue = "400000", converter = Positive.class,
            description = "records pre-loaded for the throughput runs; default: ${DEFAULT-VALUE}")
    long records;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "1", converter = NonNegative.class,
            description = "unmeasured rounds of each throughput phase before the measured ones (0 = none); "
                    + "default: ${DEFAULT-VALUE}")
    long warmups;

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "3", converter = Positive.class,
            description = "measured rounds of each throughput phase, the median is reported; default: ${DEFAULT-VALUE}")
    long repeats;

    @Option(names = "--latency-warmup", paramLabel = "S", defaultValue = "30", converter = NonNegative.class,
            description = "seconds of offered load before each latency run is measured; default: ${DEFAULT-VALUE}")
    long latencyWarmupSeconds;

    @Option(names = "--rate", paramLabel = "R", defaultValue = "10000", converter = Positive.class,
            description = "offered load of the latency runs, events/s; default: ${DEFAULT-VALUE}")
    long rate;

    @Option(names = "--duration", paramLabel = "S", defaultValue = "30", converter = Positive.class,
            description = "seconds of each latency run; default: ${DEFAULT-VALUE}")
    long durationSeconds;

    @Option(names = "--partitions", paramLabel = "P", defaultValue = "3", converter = Positive.class,
            description = "partitions per topic; default: ${DEFAULT-VALUE}")
    long partitions;

    @Option(names = "--only", paramLabel = "PHASE", split = ",", converter = PhaseName.class,
            description = "phases to run (listed below); default: passthrough,streams-passthrough,topology,latency")
    List<Phase> only;

    @Option(names = "--bootstrap", paramLabel = "host:port",
            description = "use an external Kafka cluster instead of the in-process broker")
    String bootstrap;

    @Option(names = "--seed", paramLabel = "X", defaultValue = "42", description = "workload seed; default: ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--guarantee", paramLabel = "at_least_once|exactly_once_v2",
            description = "processing.guarantee of the Streams runs; default: the app's (newsflow.properties)")
    String guarantee;

    @Option(names = "--commit-interval-ms", paramLabel = "MS", converter = Positive.class,
            description = "commit.interval.ms of the Streams runs; default: the app's")
    Long commitIntervalMs;

    @Option(names = "--streams", paramLabel = "key=value", converter = KeyValueConverter.class,
            description = "any other Kafka Streams setting for the Streams runs (repeatable; --guarantee and "
                    + "--commit-interval-ms win over it)")
    List<Map.Entry<String, String>> streams = new ArrayList<>();

    /** The parsed options. */
    BenchOptions options() {
        Set<Phase> phases = only == null
                ? EnumSet.of(Phase.PASSTHROUGH, Phase.STREAMS_PASSTHROUGH, Phase.TOPOLOGY, Phase.LATENCY)
                : EnumSet.copyOf(only);
        Map<String, String> overrides = new LinkedHashMap<>();
        streams.forEach(e -> overrides.put(e.getKey(), e.getValue().trim()));
        if (guarantee != null) {
            overrides.put("processing.guarantee", guarantee);
        }
        if (commitIntervalMs != null) {
            overrides.put("commit.interval.ms", String.valueOf(commitIntervalMs));
        }
        return new BenchOptions(records, (int) rate, (int) durationSeconds, (int) partitions, phases, bootstrap, seed,
                Map.copyOf(overrides), (int) warmups, (int) repeats, (int) latencyWarmupSeconds);
    }

    @Override
    public Integer call() throws Exception {
        new BenchMain(options(), AppConfig.load()).run();
        return 0;
    }

    /** Counts written {@code 400000} or {@code 400_000}. */
    static class NonNegative implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            try {
                long parsed = Long.parseLong(value.replace("_", ""));
                if (parsed >= minimum()) {
                    return parsed;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw new TypeConversionException("needs an integer >= " + minimum() + ", got '" + value + "'");
        }

        long minimum() {
            return 0;
        }
    }

    static final class Positive extends NonNegative {
        @Override
        long minimum() {
            return 1;
        }
    }

    static final class PhaseName extends ParsingConverter<Phase> {
        PhaseName() {
            super(Phase::parse);
        }
    }
}
