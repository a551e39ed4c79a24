package io.newsflow.ingest;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The ingest commands ({@code produce <what>}, one {@link Sources source} each): read or simulate inputs,
 * report bad input, publish the rest, print counts.
 * Exit codes: 0 all good, 1 some input was bad or some sends failed (the rest went through),
 * 2 usage error or nothing could be read.
 */
@Command(name = "produce",
        description = "Publish articles, price ticks, bond books or a scenario to bootstrap.servers")
public final class IngestCli {

    private final Function<Map<String, Object>, RecordPublisher> publishers;
    private final Function<Pace, Pacer> pacers;

    public IngestCli(Function<Map<String, Object>, RecordPublisher> publishers, Function<Pace, Pacer> pacers) {
        this.publishers = publishers;
        this.pacers = pacers;
    }

    public IngestCli() {
        this(RecordPublisher::fromConfig, Pacer::system);
    }

    /** Adds the sources as subcommands of {@code produce}: this class's own command line, or the newsflow one's. */
    public static CommandLine withSources(CommandLine produce) {
        Sources.all().forEach(produce::addSubcommand);
        return produce;
    }

    /** The whole {@code produce} command line, e.g. {@code scenario DIR --pace x60}. */
    public int run(List<String> args, Map<String, Object> producerConfig, PrintStream out) {
        CommandLine produce = withSources(new CommandLine(this));
        ParseResult parsed;
        try {
            parsed = produce.parseArgs(args.toArray(String[]::new));
        } catch (ParameterException e) {
            out.println("error: " + e.getMessage());
            e.getCommandLine().usage(out);
            return 2;
        }
        if (!parsed.hasSubcommand()) {
            produce.usage(out);
            return 2;
        }
        return run(parsed.subcommand().commandSpec().commandLine(), producerConfig, out);
    }

    /**
     * Reads and publishes what the parsed source command describes.
     *
     * @param source a {@code produce <what>} command line after parsing (see {@link #withSources})
     */
    public int run(CommandLine source, Map<String, Object> producerConfig, PrintStream out) {
        Source what = source.getCommand();
        if (source.isUsageHelpRequested()) {
            source.usage(out);
            return 0;
        }
        Batch batch;
        try {
            batch = what.read(out);
        } catch (IllegalArgumentException | java.time.DateTimeException | IOException e) {
            out.println("error: " + e.getMessage());
            source.usage(out);
            return 2;
        }
        BadInput.report(batch.problems(), out);
        if (batch.records().isEmpty()) {
            if (what.wroteFile()) {
                return 0;
            }
            out.println("nothing to publish");
            return BadInput.exitCode(0, batch.problems());
        }
        if (what.publishing().dryRun()) {
            counts(batch.records()).forEach((topic, n) -> out.println(topic + ": " + n + " records (dry run, not published)"));
            return BadInput.exitCode(batch.records().size(), batch.problems());
        }
        return publish(batch, what.publishing().pace, producerConfig, out);
    }

    /** Whether the parsed source publishes nothing (then it needs neither a cluster nor a registry). */
    public static boolean dryRun(CommandLine source) {
        return source.<Source>getCommand().publishing().dryRun();
    }

    private int publish(Batch batch, Pace pace, Map<String, Object> producerConfig, PrintStream out) {
        boolean failed = false;
        try (RecordPublisher publisher = publishers.apply(producerConfig)) {
            publisher.publishAll(batch.records(), pacers.apply(pace));
            publisher.flush();
            Map<String, Long> failures = publisher.failedCounts();
            publisher.ackedCounts().forEach((topic, n) -> out.println(topic + ": " + n + " records published"));
            for (Map.Entry<String, Long> f : failures.entrySet()) {
                out.println(f.getKey() + ": " + f.getValue() + " records FAILED (first error: "
                        + publisher.firstErrors().get(f.getKey()) + ")");
                failed = true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            out.println("interrupted; records sent so far are flushed on close");
            return 1;
        } catch (KafkaException e) {
            // e.g. no bootstrap.servers, or a serializer class that cannot be loaded
            out.println("error: cannot publish: " + e.getMessage());
            return 2;
        }
        return failed || !batch.problems().isEmpty() ? 1 : 0;
    }

    private static Map<String, Long> counts(List<Outgoing> records) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        records.forEach(o -> counts.merge(o.topic(), 1L, Long::sum));
        return counts;
    }
}
