package io.newsflow.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.newsflow.avro.BondBookUpdate;
import io.newsflow.config.DurationParser;
import io.newsflow.ingest.article.ArticleFactory;
import io.newsflow.ingest.article.ArticleLoader;
import io.newsflow.ingest.bond.BondBookSimulator;
import io.newsflow.ingest.bond.BondCsvParser;
import io.newsflow.ingest.bond.BondDealSpec;
import io.newsflow.ingest.bond.BondJsonLinesParser;
import io.newsflow.ingest.bond.BondJsonLinesWriter;
import io.newsflow.ingest.scenario.Scenario;
import io.newsflow.ingest.scenario.SpecReader;
import io.newsflow.ingest.tick.GbmTickSimulator;
import io.newsflow.ingest.tick.Shock;
import io.newsflow.ingest.tick.SymbolSpec;
import io.newsflow.ingest.tick.TickCsvParser;
import io.newsflow.ingest.tick.TickSimulationSpec;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.common.KafkaException;

/**
 * The ingest commands: read or simulate inputs, report bad input, publish the rest, print counts.
 * Exit codes: 0 all good, 1 some input was bad or some sends failed (the rest went through),
 * 2 usage error or nothing could be read.
 */
public final class IngestCli {

    public static final String USAGE = String.join("\n",
            "ingest commands:",
            "  articles <files or dirs...> [--source NAME] [--max-bytes N] [--dry-run]",
            "  ticks-csv <file> [--pace asap|realtime|xN] [--no-validate] [--dry-run]",
            "  ticks-sim [--symbols META=751.7,QQQ=632] [--seed N] [--from ISO] [--to ISO] [--interval 30s]",
            "            [--drift 0.0] [--volatility 0.2] [--venue XNAS] [--shock \"META -11% FROM TO\"]...",
            "            [--pace ...] [--dry-run]",
            "  bonds <file.csv|file.jsonl> [--pace ...] [--dry-run]",
            "  bonds-sim <deal.yaml> [--pace ...] [--write out.jsonl] [--dry-run]",
            "  scenario <dir> [--pace ...] [--dry-run]");

    private static final Set<String> FLAGS = Set.of("no-validate", "dry-run");
    private static final Set<String> VALUED = Set.of("pace", "source", "max-bytes", "symbols", "seed", "from", "to",
            "interval", "drift", "volatility", "venue", "shock", "write");

    /** Default simulated symbols and start prices (approximate closes of 2025-10-28, for the Meta scenario). */
    static final String DEFAULT_SYMBOLS = "META=751.7,NVDA=201.0,GOOGL=268.0,MSFT=542.0,AMZN=229.0,QQQ=632.0";

    private final Function<Map<String, Object>, RecordPublisher> publishers;
    private final Function<Pace, Pacer> pacers;

    public IngestCli(Function<Map<String, Object>, RecordPublisher> publishers, Function<Pace, Pacer> pacers) {
        this.publishers = publishers;
        this.pacers = pacers;
    }

    public IngestCli() {
        this(RecordPublisher::fromConfig, Pacer::system);
    }

    public int run(List<String> args, Map<String, Object> producerConfig, PrintStream out) {
        if (args.isEmpty()) {
            out.println(USAGE);
            return 2;
        }
        String command = args.get(0);
        Batch batch;
        CliArgs opts;
        Pace pace;
        try {
            opts = new CliArgs(args.subList(1, args.size()), FLAGS, VALUED);
            pace = Pace.parse(opts.get("pace", "asap"));
            batch = switch (command) {
                case "articles" -> articles(opts);
                case "ticks-csv" -> ticksCsv(opts);
                case "ticks-sim" -> ticksSim(opts);
                case "bonds" -> bonds(opts);
                case "bonds-sim" -> bondsSim(opts, out);
                case "scenario" -> scenario(opts);
                default -> throw new IllegalArgumentException("unknown command '" + command + "'");
            };
        } catch (IllegalArgumentException | java.time.DateTimeException | IOException e) {
            out.println("error: " + e.getMessage());
            out.println(USAGE);
            return 2;
        }
        BadInput.report(batch.problems, out);
        if (batch.records.isEmpty()) {
            if (opts.get("write", null) != null) {
                return 0;
            }
            out.println("nothing to publish");
            return BadInput.exitCode(0, batch.problems);
        }
        if (opts.flag("dry-run")) {
            counts(batch.records).forEach((topic, n) -> out.println(topic + ": " + n + " records (dry run, not published)"));
            return BadInput.exitCode(batch.records.size(), batch.problems);
        }
        return publish(batch, pace, producerConfig, out);
    }

    private int publish(Batch batch, Pace pace, Map<String, Object> producerConfig, PrintStream out) {
        boolean failed = false;
        try (RecordPublisher publisher = publishers.apply(producerConfig)) {
            publisher.publishAll(batch.records, pacers.apply(pace));
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
        return failed || !batch.problems.isEmpty() ? 1 : 0;
    }

    private static Map<String, Long> counts(List<Outgoing> records) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        records.forEach(o -> counts.merge(o.topic(), 1L, Long::sum));
        return counts;
    }

    private Batch articles(CliArgs opts) {
        if (opts.positional.isEmpty()) {
            throw new IllegalArgumentException("articles needs files or directories");
        }
        return Batch.articles(articleLoader(opts).load(paths(opts.positional)));
    }

    private static ArticleLoader articleLoader(CliArgs opts) {
        long maxBytes = Long.parseLong(opts.get("max-bytes", String.valueOf(TextFiles.DEFAULT_MAX_ARTICLE_BYTES)));
        return new ArticleLoader(maxBytes, opts.get("source", "local"), new ArticleFactory());
    }

    private Batch ticksCsv(CliArgs opts) {
        if (opts.positional.size() != 1) {
            throw new IllegalArgumentException("ticks-csv needs exactly one file");
        }
        return ticksFromCsv(Path.of(opts.positional.get(0)), !opts.flag("no-validate"));
    }

    private static Batch ticksFromCsv(Path file, boolean validate) {
        try {
            String text = TextFiles.read(file, Long.MAX_VALUE);
            Parsed<io.newsflow.avro.PriceTick> parsed = new TickCsvParser(validate, "USD").parse(text, file.toString());
            return new Batch(parsed.records().stream().map(Outgoing::of).toList(), parsed.problems());
        } catch (BadInputException e) {
            return Batch.problem(file.toString(), e.getMessage());
        }
    }

    private Batch ticksSim(CliArgs opts) {
        double drift = Double.parseDouble(opts.get("drift", "0.0"));
        double volatility = Double.parseDouble(opts.get("volatility", "0.2"));
        List<SymbolSpec> symbols = new ArrayList<>();
        for (String s : opts.get("symbols", DEFAULT_SYMBOLS).split(",")) {
            String[] kv = s.strip().split("=");
            symbols.add(new SymbolSpec(kv[0].strip().toUpperCase(Locale.ROOT),
                    kv.length > 1 ? Double.parseDouble(kv[1]) : 100.0, drift, volatility));
        }
        Instant from = Times.parse(opts.get("from", "2025-10-29T13:30:00Z"));
        Instant to = opts.get("to", null) == null ? from.plus(Duration.ofMinutes(390)) : Times.parse(opts.get("to", null));
        List<Shock> shocks = opts.all("shock").stream().map(Shock::parse).toList();
        TickSimulationSpec spec = new TickSimulationSpec(symbols, Long.parseLong(opts.get("seed", "42")), from, to,
                DurationParser.parse(opts.get("interval", "30s")), shocks, opts.get("venue", null), "USD");
        return new Batch(new GbmTickSimulator().simulate(spec).stream().map(Outgoing::of).toList(), List.of());
    }

    private Batch bonds(CliArgs opts) {
        if (opts.positional.isEmpty()) {
            throw new IllegalArgumentException("bonds needs a .csv or .jsonl file");
        }
        Batch all = Batch.empty();
        for (Path file : paths(opts.positional)) {
            all = all.plus(bondsFromFile(file));
        }
        return all;
    }

    private static Batch bondsFromFile(Path file) {
        try {
            String text = TextFiles.read(file, Long.MAX_VALUE);
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            Parsed<BondBookUpdate> parsed = name.endsWith(".csv")
                    ? new BondCsvParser().parse(text, file.toString())
                    : new BondJsonLinesParser().parse(text, file.toString());
            return new Batch(parsed.records().stream().map(Outgoing::of).toList(), parsed.problems());
        } catch (BadInputException e) {
            return Batch.problem(file.toString(), e.getMessage());
        }
    }

    private Batch bondsSim(CliArgs opts, PrintStream out) throws IOException {
        if (opts.positional.size() != 1) {
            throw new IllegalArgumentException("bonds-sim needs one deal spec file (YAML)");
        }
        BondDealSpec spec = SpecReader.deal(new ObjectMapper(new YAMLFactory()).readTree(Path.of(opts.positional.get(0)).toFile()));
        List<BondBookUpdate> updates = new BondBookSimulator().simulate(spec);
        String write = opts.get("write", null);
        if (write != null) {
            Files.writeString(Path.of(write), new BondJsonLinesWriter().write(updates), StandardCharsets.UTF_8);
            out.println("wrote " + updates.size() + " updates to " + write);
            return Batch.empty();
        }
        return new Batch(updates.stream().map(Outgoing::of).toList(), List.of());
    }

    private Batch scenario(CliArgs opts) throws IOException {
        if (opts.positional.size() != 1) {
            throw new IllegalArgumentException("scenario needs one directory");
        }
        Scenario scenario = Scenario.load(Path.of(opts.positional.get(0)));
        Batch all = Batch.empty();
        if (scenario.tickSimulation() != null) {
            all = all.plus(new Batch(new GbmTickSimulator().simulate(scenario.tickSimulation()).stream()
                    .map(Outgoing::of).toList(), List.of()));
        }
        for (Path csv : scenario.tickCsvFiles()) {
            all = all.plus(ticksFromCsv(csv, true));
        }
        for (Path file : scenario.bondFiles()) {
            all = all.plus(bondsFromFile(file));
        }
        for (BondDealSpec deal : scenario.bondSimulations()) {
            all = all.plus(new Batch(new BondBookSimulator().simulate(deal).stream().map(Outgoing::of).toList(), List.of()));
        }
        if (!scenario.articlePaths().isEmpty()) {
            all = all.plus(Batch.articles(articleLoader(opts).load(scenario.articlePaths())));
        }
        return all.sortedByEventTime();
    }

    private static List<Path> paths(List<String> names) {
        return names.stream().map(Path::of).toList();
    }

    /** Records to publish plus the problems met while reading them. */
    private record Batch(List<Outgoing> records, List<Problem> problems) {

        static Batch empty() {
            return new Batch(List.of(), List.of());
        }

        static Batch problem(String location, String reason) {
            return new Batch(List.of(), List.of(new Problem(location, reason)));
        }

        static Batch articles(Parsed<io.newsflow.avro.ArticleEvent> parsed) {
            return new Batch(parsed.records().stream().map(Outgoing::of).toList(), parsed.problems());
        }

        Batch plus(Batch other) {
            List<Outgoing> r = new ArrayList<>(records);
            r.addAll(other.records);
            List<Problem> p = new ArrayList<>(problems);
            p.addAll(other.problems);
            return new Batch(r, p);
        }

        /** Stable: records with equal times keep their input order. */
        Batch sortedByEventTime() {
            List<Outgoing> r = new ArrayList<>(records);
            r.sort(Comparator.comparing(Outgoing::eventTime));
            return new Batch(r, problems);
        }
    }
}
