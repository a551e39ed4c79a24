package io.newsflow.runtime;

import io.newsflow.avro.BondBookSummary;
import io.newsflow.avro.CreditEquityView;
import io.newsflow.avro.MarketReaction;
import io.newsflow.avro.PriceMoveAlert;
import io.newsflow.avro.SentimentRolling;
import io.newsflow.config.AppConfig;
import io.newsflow.config.KafkaClientConfig;
import io.newsflow.cli.DurationConverter;
import io.newsflow.config.Topics;
import io.newsflow.ingest.IngestCli;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.StreamsConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code newsflow demo}: the whole pipeline in one process with nothing installed: embedded broker,
 * in-process schema registry (also served over REST), the streams app and its metrics endpoint; it
 * replays the Meta bond-day scenario at a speed-up, prints a live summary, then keeps serving
 * {@code /metrics} until Ctrl-C (or exits with {@code --once} once the outputs settle).
 */
@Command(name = "demo",
        description = "Everything in-process: broker, registry, app, metrics; replays the Meta bond-day scenario, "
                + "prints a summary, then serves /metrics until Ctrl-C")
public final class DemoCommand implements CliCommand {

    static final String DEFAULT_SCENARIO = "scenarios/meta-bond-day";

    @Option(names = "--once", description = "exit after the summary")
    private boolean once;

    @Option(names = "--speedup", paramLabel = "N|asap", defaultValue = "3600",
            description = "event-time speed of the replay; default: ${DEFAULT-VALUE}")
    private String speedup;

    @Option(names = "--scenario", paramLabel = "DIR", description = "replay another scenario; default: " + DEFAULT_SCENARIO)
    private Path scenario;

    @Option(names = "--settle", paramLabel = "DURATION", defaultValue = "5s", converter = DurationConverter.class,
            description = "how long the outputs must be quiet before the summary; default: ${DEFAULT-VALUE}")
    private Duration settle;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10m", converter = DurationConverter.class,
            description = "upper bound on the replay; default: ${DEFAULT-VALUE}")
    private Duration timeout;

    private final Supplier<StopSignal> stopSignal;

    public DemoCommand() {
        this(ShutdownSignal::register);
    }

    public DemoCommand(Supplier<StopSignal> stopSignal) {
        this.stopSignal = stopSignal;
    }

    /** The {@code --pace} of the replay. */
    private String pace() {
        return speedup.equals("asap") || speedup.equals("0") ? "asap" : "x" + speedup;
    }

    /** The scenario below the working directory, else below the checkout the launcher ran from. */
    private static Path defaultScenario() {
        Path local = Path.of(DEFAULT_SCENARIO);
        String home = System.getProperty("newsflow.home");
        if (!Files.isDirectory(local) && home != null) {
            return Path.of(home).resolve(DEFAULT_SCENARIO);
        }
        return local;
    }

    @Override
    public int run(AppConfig config, PrintStream out) throws Exception {
        Path replayed = scenario == null ? defaultScenario() : scenario;
        if (!Files.isDirectory(replayed)) {
            throw new UsageException("scenario directory " + replayed + " not found (use --scenario DIR)");
        }
        config = StandbyReplicas.forSingleInstance(config); // one process: no other instance for a standby
        try (StopSignal signal = stopSignal.get();
             KafkaEnvironment env = KafkaEnvironment.start(config, out);
             NewsflowApp app = NewsflowApp.start(env.config());
             OutputMonitor monitor = new OutputMonitor(env.config())) {
            out.println("Metrics at http://localhost:" + app.metricsPort() + "/metrics");
            if (app.apiPort() >= 0) {
                out.println("Live page at http://localhost:" + app.apiPort() + "/"
                        + (env.config().getOptional(ApiAccessSettings.TOKENS_FILE).isPresent()
                                ? "#token=<a token of " + ApiAccessSettings.TOKENS_FILE + ">" : "")
                        + " (query API: /api/v1, see docs/api.md)");
            }
            if (!app.awaitRunning(Duration.ofMinutes(2))) {
                out.println("Kafka Streams did not start: " + app.state());
                return 1;
            }
            out.println("Replaying " + replayed + " (pace " + pace() + ")...");
            out.flush();
            CompletableFuture<Integer> replay = CompletableFuture.supplyAsync(() -> new IngestCli().run(
                    List.of("scenario", replayed.toString(), "--pace", pace()),
                    ProduceCommand.producerConfig(env.config()), out));

            long deadline = System.nanoTime() + timeout.toNanos();
            while (!replay.isDone() && System.nanoTime() < deadline) {
                waitQuietly(replay, Duration.ofSeconds(2));
                out.println(progress(monitor.snapshot()));
                out.flush();
            }
            int replayCode = replay.isDone() ? replay.join() : 1;
            awaitProcessed(env.config(), monitor, deadline, settle, out);
            printSummary(monitor.snapshot(), out);
            if (replayCode != 0) {
                out.println("The scenario replay reported problems (exit code " + replayCode + ").");
            }
            if (once) {
                return replayCode;
            }
            out.println("Serving http://localhost:" + app.metricsPort() + "/metrics"
                    + (app.apiPort() >= 0 ? ", the live page at http://localhost:" + app.apiPort() + "/" : "")
                    + env.registryHttpUrl().map(u -> " and the schema registry at " + u).orElse("")
                    + ". Press Ctrl-C to stop.");
            out.flush();
            signal.await();
            return replayCode;
        }
    }

    /**
     * Waits until the app has committed every input record, then until the outputs have been quiet
     * for the settle time (exactly-once outputs become visible at the commit after they are written).
     */
    private static void awaitProcessed(AppConfig config, OutputMonitor monitor, long deadline, Duration settle,
            PrintStream out) throws Exception {
        try (Admin admin = Admin.create(KafkaClientConfig.admin(config))) {
            ConsumerLag lag = new ConsumerLag(admin, KafkaClientConfig.consumer(config));
            String group = config.getString(StreamsConfig.APPLICATION_ID_CONFIG);
            long behind;
            // inputs and the internal hops after them: an output may be several commits behind its input
            while ((behind = lag.ofApplication(group, Topics.INPUTS)) > 0 && System.nanoTime() < deadline) {
                out.println(progress(monitor.snapshot()) + " | input records still to process: " + behind);
                out.flush();
                Thread.sleep(2000);
            }
        }
        while ((!monitor.caughtUp() || monitor.quietFor().compareTo(settle) < 0) && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
    }

    private static String creditLine(CreditEquityView c) {
        return String.format(Locale.ROOT, "%s as of %s: book %s, equity %s %s, news sentiment %s -> %s",
                c.getIssuerSymbol(), c.getAsOf(),
                orNa(c.getOversubscription(), "%.2fx"),
                c.getEquityReturnWindow(), orNa(percent(c.getEquityReturn()), "%+.1f%%"),
                orNa(c.getNewsSentiment(), "%+.2f"),
                c.getDivergent() ? "DIVERGENT" : "aligned");
    }

    /** Formats an optional value; "n/a" when the pipeline had none. */
    private static String orNa(Double value, String pattern) {
        return value == null ? "n/a" : String.format(Locale.ROOT, pattern, value);
    }

    private static Double percent(Double fraction) {
        return fraction == null ? null : 100 * fraction;
    }

    private static void waitQuietly(CompletableFuture<?> future, Duration duration) {
        try {
            future.get(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            // timeout, or the replay failed: both are reported by the caller
        }
    }

    static String progress(OutputMonitor.Snapshot s) {
        List<String> parts = new ArrayList<>();
        s.recordsPerTopic().forEach((topic, n) -> parts.add(topic + "=" + n));
        return "  outputs: " + (parts.isEmpty() ? "none yet" : String.join(" ", parts))
                + " | alerts: " + s.alerts().size();
    }

    static void printSummary(OutputMonitor.Snapshot s, PrintStream out) {
        out.println();
        out.println("=== newsflow summary ===");
        out.println("Records per output topic:");
        s.recordsPerTopic().forEach((topic, n) -> out.printf(Locale.ROOT, "  %-28s %d%n", topic, n));
        out.println("Sharp-move alerts (" + s.alerts().size() + "):");
        for (PriceMoveAlert a : s.alerts()) {
            out.printf(Locale.ROOT, "  %-5s %-3s %-4s %+6.1f%% at %s  sentiment %s, %d articles, open deals %s%n",
                    a.getSymbol(), a.getWindowLabel(), a.getDirection(), 100 * a.getPriceReturn(), a.getTriggeredAt(),
                    orNa(a.getRecentSentiment(), "%+.2f"),
                    a.getRecentArticleCount(), a.getOpenBondDeals());
        }
        out.println("Latest rolling sentiment:");
        for (SentimentRolling r : s.latestSentiment().values()) {
            out.printf(Locale.ROOT, "  %-6s %-4s %+.2f  (%d articles, +%d/-%d, buzz %.1f)%n", r.getTicker(),
                    r.getWindowLabel(), r.getNoveltyWeightedSentiment(), r.getArticleCount(), r.getPositiveCount(),
                    r.getNegativeCount(), r.getBuzz());
        }
        out.println("Market reaction (latest article per ticker and horizon):");
        for (MarketReaction r : s.reactions().values()) {
            out.printf(Locale.ROOT, "  %-6s %-3s %+6.1f%%  abnormal %s%n", r.getTicker(), r.getHorizonLabel(),
                    100 * r.getPriceReturn(), orNa(percent(r.getAbnormalReturn()), "%+.1f%%"));
        }
        out.println("Bond books:");
        for (BondBookSummary b : s.bondBooks().values()) {
            out.printf(Locale.ROOT, "  %s %s: book %.1fB / target %.1fB = %.2fx, spread tightening %s bp, %s%n",
                    b.getDealId(), b.getCurrency(), b.getOrderBookSize() / 1e9, b.getTargetSize() / 1e9,
                    b.getOversubscription(), orNa(b.getSpreadTighteningBps(), "%.0f"), b.getStatus());
        }
        out.println("Credit vs equity (divergent views, then the latest):");
        for (CreditEquityView c : s.allCreditEquity()) {
            if (c.getDivergent()) {
                out.println("  " + creditLine(c));
            }
        }
        s.creditEquity().values().forEach(c -> out.println("  " + creditLine(c)));
        if (!s.deadLettersPerReason().isEmpty()) {
            out.println("Dead letters: " + s.deadLettersPerReason());
        }
        out.flush();
    }
}
