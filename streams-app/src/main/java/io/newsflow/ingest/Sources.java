package io.newsflow.ingest;

import io.newsflow.cli.ParsingConverter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.newsflow.avro.BondBookUpdate;
import io.newsflow.avro.PriceTick;
import io.newsflow.cli.DurationConverter;
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
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The {@code produce} subcommands, one per kind of input. */
final class Sources {

    /** Default simulated symbols and start prices (approximate closes of 2025-10-28, for the Meta scenario). */
    static final String DEFAULT_SYMBOLS = "META=751.7,NVDA=201.0,GOOGL=268.0,MSFT=542.0,AMZN=229.0,QQQ=632.0";

    private Sources() {
    }

    /** A fresh instance of each, in the order {@code produce --help} lists them. */
    static List<Source> all() {
        return List.of(new Articles(), new TicksCsv(), new TicksSim(), new Bonds(), new BondsSim(), new ScenarioReplay());
    }

    /** Base of every source: the publishing options and {@code --help}. */
    private abstract static class Base implements Source {

        @Mixin
        PublishOptions publishing;

        @Override
        public PublishOptions publishing() {
            return publishing;
        }
    }

    @Command(name = "articles",
            description = "Articles: Markdown with YAML front matter, plain web-article text or JSON Lines (docs/ingest.md)")
    static final class Articles extends Base {

        @Parameters(paramLabel = "FILE|DIR", arity = "1..*", description = "article files or directories")
        List<Path> paths;

        @Mixin
        ArticleOptions articles;

        @Override
        public Batch read(PrintStream out) {
            return Batch.articles(articles.loader().load(paths));
        }
    }

    @Command(name = "ticks-csv",
            description = "Price ticks from a CSV file: symbol,timestamp,price,size[,bid,ask]")
    static final class TicksCsv extends Base {

        @Parameters(paramLabel = "FILE", arity = "1")
        Path file;

        @Option(names = "--no-validate", description = "send NaN or zero prices as they are (to demonstrate dead-lettering)")
        boolean noValidate;

        @Override
        public Batch read(PrintStream out) {
            return ticksFromCsv(file, !noValidate);
        }
    }

    @Command(name = "ticks-sim",
            description = "Simulated price ticks: geometric Brownian motion per symbol, deterministic with --seed")
    static final class TicksSim extends Base {

        @Option(names = "--symbols", paramLabel = "SYM=PRICE,...", defaultValue = DEFAULT_SYMBOLS,
                description = "symbols and start prices; default: ${DEFAULT-VALUE}")
        String symbols;

        @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "default: ${DEFAULT-VALUE}")
        long seed;

        @Option(names = "--from", paramLabel = "ISO", defaultValue = "2025-10-29T13:30:00Z", converter = InstantConverter.class,
                description = "first tick; default: ${DEFAULT-VALUE}")
        Instant from;

        @Option(names = "--to", paramLabel = "ISO", converter = InstantConverter.class,
                description = "last tick; default: 390 minutes after --from")
        Instant to;

        @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "30s", converter = DurationConverter.class,
                description = "time between ticks; default: ${DEFAULT-VALUE}")
        Duration interval;

        @Option(names = "--drift", paramLabel = "MU", defaultValue = "0.0", description = "annualised drift; default: ${DEFAULT-VALUE}")
        double drift;

        @Option(names = "--volatility", paramLabel = "SIGMA", defaultValue = "0.2",
                description = "annualised volatility (0.2 = 20%%); default: ${DEFAULT-VALUE}")
        double volatility;

        @Option(names = "--venue", paramLabel = "MIC", description = "the ticks' venue field")
        String venue;

        @Option(names = "--shock", paramLabel = "\"SYM PCT FROM TO\"", converter = ShockConverter.class,
                description = "move SYM's log price linearly by PCT over FROM..TO, e.g. \"META -11%% "
                        + "2025-10-29T20:05Z 2025-10-29T20:35Z\" (repeatable)")
        List<Shock> shocks = new ArrayList<>();

        @Override
        public Batch read(PrintStream out) {
            List<SymbolSpec> specs = new ArrayList<>();
            for (String s : symbols.split(",")) {
                String[] kv = s.strip().split("=");
                specs.add(new SymbolSpec(kv[0].strip().toUpperCase(Locale.ROOT),
                        kv.length > 1 ? Double.parseDouble(kv[1]) : 100.0, drift, volatility));
            }
            Instant until = to == null ? from.plus(Duration.ofMinutes(390)) : to;
            TickSimulationSpec spec = new TickSimulationSpec(specs, seed, from, until, interval, shocks, venue, "USD");
            return new Batch(new GbmTickSimulator().simulate(spec).stream().map(Outgoing::of).toList(), List.of());
        }
    }

    @Command(name = "bonds",
            description = "Bond-book updates replayed from CSV or JSON Lines files (tranches optional)")
    static final class Bonds extends Base {

        @Parameters(paramLabel = "FILE.csv|FILE.jsonl", arity = "1..*")
        List<Path> files;

        @Override
        public Batch read(PrintStream out) {
            Batch all = Batch.empty();
            for (Path file : files) {
                all = all.plus(bondsFromFile(file));
            }
            return all;
        }
    }

    @Command(name = "bonds-sim",
            description = "Simulated bond book of one deal: announced, bookbuilding along a logistic curve, priced")
    static final class BondsSim extends Base {

        @Parameters(paramLabel = "DEAL.yaml", arity = "1", description = "the deal spec")
        Path deal;

        @Option(names = "--write", paramLabel = "OUT.jsonl", description = "write the updates to a file instead of publishing")
        Path write;

        @Override
        public Batch read(PrintStream out) throws IOException {
            BondDealSpec spec = SpecReader.deal(new ObjectMapper(new YAMLFactory()).readTree(deal.toFile()));
            List<BondBookUpdate> updates = new BondBookSimulator().simulate(spec);
            if (write != null) {
                Files.writeString(write, new BondJsonLinesWriter().write(updates), StandardCharsets.UTF_8);
                out.println("wrote " + updates.size() + " updates to " + write);
                return Batch.empty();
            }
            return new Batch(updates.stream().map(Outgoing::of).toList(), List.of());
        }

        @Override
        public boolean wroteFile() {
            return write != null;
        }
    }

    @Command(name = "scenario",
            description = "A whole scenario directory (scenarios/README.md), every input in event-time order")
    static final class ScenarioReplay extends Base {

        @Parameters(paramLabel = "DIR", arity = "1")
        Path dir;

        @Mixin
        ArticleOptions articles;

        @Override
        public Batch read(PrintStream out) throws IOException {
            Scenario scenario = Scenario.load(dir);
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
                all = all.plus(new Batch(new BondBookSimulator().simulate(deal).stream().map(Outgoing::of).toList(),
                        List.of()));
            }
            if (!scenario.articlePaths().isEmpty()) {
                all = all.plus(Batch.articles(articles.loader().load(scenario.articlePaths())));
            }
            return all.sortedByEventTime();
        }
    }

    private static Batch ticksFromCsv(Path file, boolean validate) {
        try {
            String text = TextFiles.read(file, Long.MAX_VALUE);
            Parsed<PriceTick> parsed = new TickCsvParser(validate, "USD").parse(text, file.toString());
            return new Batch(parsed.records().stream().map(Outgoing::of).toList(), parsed.problems());
        } catch (BadInputException e) {
            return Batch.problem(file.toString(), e.getMessage());
        }
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

    static final class InstantConverter extends ParsingConverter<Instant> {
        InstantConverter() {
            super(Times::parse);
        }
    }

    static final class ShockConverter extends ParsingConverter<Shock> {
        ShockConverter() {
            super(Shock::parse);
        }
    }
}
