package io.newsflow.ops;

import static io.newsflow.Waits.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.avro.BondBookSummary;
import io.newsflow.avro.CreditEquityView;
import io.newsflow.avro.MarketReaction;
import io.newsflow.avro.MoveDirection;
import io.newsflow.avro.SentimentRolling;
import io.newsflow.config.AppConfig;
import io.newsflow.runtime.DemoCommand;
import io.newsflow.runtime.EmbeddedKafkaBroker;
import io.newsflow.runtime.OutputMonitor;
import io.newsflow.runtime.StopSignal;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The whole product on the Meta bond-day scenario: the real demo command (embedded registry, the
 * streams app, the metrics endpoint, the scenario replay at the demo's default pace, x3600) against a
 * real embedded broker. Given the scenario, expect what happened on 2025-10-30 in the outputs. Each
 * subclass runs it with one configuration; those that only check the outputs replay four times faster.
 */
@Tag("broker")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MetaBondDayStoryTest {

    private static final Duration STARTUP_LIMIT = Duration.ofMinutes(8);

    private EmbeddedKafkaBroker broker;
    private AppConfig config;
    private final CountDownLatch stop = new CountDownLatch(1);
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private CompletableFuture<Integer> demo;
    private int metricsPort;
    protected OutputMonitor.Snapshot outputs;
    protected String scrape;

    /**
     * {@code --speedup} of the runs that check what the outputs and the metrics hold once the replay is
     * over, not what is seen live while it runs: four times the demo's default pace, so the replay of the
     * scenario's 55 hours takes 14 s, not 56 s. Far below the app's throughput, and over before
     * a {@code watermark.idle.timeout} (1m) could pass.
     */
    private static final String FAST_SPEEDUP = "14400";

    /** The configuration under test, before the run's own broker, registry scope and ports are added. */
    protected abstract AppConfig baseConfig();

    /**
     * Whether the replay runs at {@link #FAST_SPEEDUP} instead of the demo's default pace (kept by the
     * runs that watch the replay live).
     */
    protected boolean fastReplay() {
        return false;
    }

    @BeforeAll
    void replayTheScenario() throws Exception {
        broker = EmbeddedKafkaBroker.start();
        metricsPort = freePort();
        config = baseConfig().with(Map.of(
                "bootstrap.servers", broker.bootstrapServers(),
                "schema.registry.url", "mock://e2e-" + UUID.randomUUID(),
                "registry.server.port", "-1",
                "metrics.port", String.valueOf(metricsPort),
                "api.port", "0",
                "application.id", "newsflow-e2e"));
        PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);
        StopSignal signal = new StopSignal() {
            @Override
            public void await() throws InterruptedException {
                stop.await();
            }

            @Override
            public void close() {
            }
        };
        List<String> options = new java.util.ArrayList<>(List.of("--settle", "3s",
                "--scenario", RepoFiles.path("scenarios/meta-bond-day").toString()));
        if (fastReplay()) {
            options.addAll(List.of("--speedup", FAST_SPEEDUP));
        }
        demo = CompletableFuture.supplyAsync(() -> {
            try {
                return new DemoCommand(() -> signal).run(options, config, out);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        long started = System.nanoTime();
        AtomicBoolean replaying = new AtomicBoolean();
        await("the demo replays the day").atMost(STARTUP_LIMIT).pollInterval(Duration.ofMillis(500)).until(() -> {
            if (!replaying.get() && console().contains("Replaying ")) {
                replaying.set(true);
                duringReplay();
            }
            return console().contains("Serving http") || demo.isDone();
        });
        assertTrue(console().contains("Serving http"), "the demo did not finish its replay:\n" + console());

        try (OutputMonitor monitor = new OutputMonitor(config)) {
            await("the outputs read to their end").atMost(STARTUP_LIMIT.minusNanos(System.nanoTime() - started))
                    .pollInterval(Duration.ofMillis(250)).until(monitor::caughtUp);
            outputs = monitor.snapshot();
        }
        scrape = get("/metrics").body();
    }

    /** Called once when the replay starts (the app is running), e.g. to watch it live. */
    protected void duringReplay() throws Exception {
    }

    @AfterAll
    void stopEverything() throws Exception {
        stop.countDown();
        if (demo != null) {
            assertEquals(0, demo.get(2, TimeUnit.MINUTES), "demo exit code; console:\n" + console());
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void theBondBookIsAboutFourPointTwoTimesCovered() {
        BondBookSummary deal = outputs.bondBooks().get("META-2025-10-30");
        assertTrue(deal != null, "no summary for the Meta deal: " + outputs.bondBooks().keySet());
        assertEquals(4.2, deal.getOversubscription(), 0.1);
        assertTrue(deal.getSpreadTighteningBps() != null && deal.getSpreadTighteningBps() > 0, "guidance tightened");
    }

    @Test
    void metaFallingElevenPercentRaisesASharpMoveAlert() {
        assertTrue(outputs.alerts().stream().anyMatch(a -> a.getSymbol().equals("META")
                && a.getDirection() == MoveDirection.DOWN),
                "alerts: " + outputs.alerts() + "; outputs " + outputs.recordsPerTopic() + "\n" + console());
    }

    @Test
    void theEarningsNewsIsFollowedByAnElevenPercentDrop() {
        List<MarketReaction> meta = outputs.allReactions().stream().filter(r -> r.getTicker().equals("META")).toList();
        double worst = meta.stream().mapToDouble(MarketReaction::getPriceReturn).min().orElse(0);
        assertTrue(worst < -0.08 && worst > -0.14, "worst META reaction " + worst + " of " + meta);
    }

    @Test
    void metaNewsToneIsNegativeToMixed() {
        SentimentRolling day = outputs.latestSentiment().get("META 24h");
        assertTrue(day != null, "no 24h sentiment for META: " + outputs.latestSentiment().keySet());
        assertTrue(day.getNoveltyWeightedSentiment() < 0.15, "META 24h sentiment " + day);
        assertTrue(day.getNegativeCount() > 0, "META has negative articles: " + day);
    }

    @Test
    void creditDemandAndTheStockDiverge() {
        // The view follows event time: divergent on the deal day, aligned again once the drop leaves the 1d window.
        List<CreditEquityView> meta = outputs.allCreditEquity().stream()
                .filter(v -> v.getIssuerSymbol().equals("META")).toList();
        assertTrue(meta.stream().anyMatch(v -> v.getDivergent() && v.getOversubscription() != null
                && v.getOversubscription() > 4 && v.getEquityReturn() != null && v.getEquityReturn() < -0.08),
                "expected a divergent META view (4x+ book, stock down ~11%): " + meta);
    }

    @Test
    void theAppIsHealthyAndReady() throws Exception {
        assertEquals(200, get("/health").statusCode());
        assertEquals(200, get("/ready").statusCode());
    }

    /** The broker the run used, for checks on its topics. */
    protected String bootstrapServers() {
        return broker.bootstrapServers();
    }

    protected HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + metricsPort + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The query API's port, from the URL of the live page the demo prints. */
    protected int apiPort() {
        java.util.regex.Matcher url = java.util.regex.Pattern.compile("Live page at http://localhost:(\\d+)/")
                .matcher(console());
        assertTrue(url.find(), "the demo prints the live page's URL:\n" + console());
        return Integer.parseInt(url.group(1));
    }

    protected String console() {
        return console.toString(StandardCharsets.UTF_8);
    }
}
