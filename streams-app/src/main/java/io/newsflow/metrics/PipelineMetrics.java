package io.newsflow.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The domain metrics of docs/metrics.md. Micrometer names are dotted; the Prometheus registry
 * renders them as in the catalogue (counters get {@code _total}, the lag timer {@code _seconds}).
 *
 * <p>Labels stay bounded: counters count symbols outside the tracked list under {@code other}
 * (a sum stays a sum); gauges exist for tracked symbols only, since one "other" gauge would hold
 * whichever untracked symbol was updated last. Only the {@code maxDeals} most recently updated deals
 * keep bond gauges (older ones are removed from the registry). Values are in base units: ratios as
 * plain fractions (a spread of 125 bp is 0.0125). Gauges are registered once per label set and read a value holder, so updating a
 * gauge is a plain write.
 */
public class PipelineMetrics {

    public static final String OTHER = "other";

    private final MeterRegistry registry;
    private final Set<String> trackedSymbols;
    private final int maxDeals;
    private final Map<String, Timer> lagTimers = new ConcurrentHashMap<>();
    private final Map<String, Counter> processed = new ConcurrentHashMap<>();
    private final Map<List<String>, Holder> gauges = new ConcurrentHashMap<>();
    /** Access-ordered so that the least recently updated deal is dropped first. */
    private final Map<String, Set<Meter>> dealMeters = new LinkedHashMap<>(16, 0.75f, true);

    /** The per-tick gauges by symbol (and window), so that a tick builds no tags. */
    private final Map<String, Holder> lastPrices = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Holder>> priceReturns = new ConcurrentHashMap<>();

    /** A gauge's value and its meter, registered once per label set. */
    private record Holder(AtomicLong bits, Meter meter) {
        void set(double value) {
            bits.set(Double.doubleToLongBits(value));
        }
    }

    /** What an untracked symbol's per-tick gauges write to: no meter, so no series. */
    private static final Holder UNTRACKED = new Holder(new AtomicLong(), null);

    /** One basis point as a fraction. */
    private static final double BASIS_POINT = 1e-4;

    public PipelineMetrics(MeterRegistry registry, List<String> trackedSymbols, int maxDeals) {
        this.registry = registry;
        this.trackedSymbols = Set.copyOf(trackedSymbols);
        this.maxDeals = Math.max(1, maxDeals);
        // Counters exist at zero from the start, so rate()/increase() and dashboards work before the first event.
        for (String language : List.of("ja", "en", "und")) {
            registry.counter("newsflow.articles.duplicate", "language", language);
        }
        registry.counter("newsflow.records.skipped", "reason", DEAD_LETTER_NOT_WRITTEN);
        for (String stage : List.of(WATERMARK_STAGE_FUNNEL, WATERMARK_STAGE_NEWS_CONTEXT, WATERMARK_STAGE_DEALS,
                WATERMARK_STAGE_CLOSE_CLOCK, WATERMARK_STAGE_SIGNAL_ALL)) {
            registry.counter("newsflow.watermark.idle.skips", "stage", stage);
        }
    }

    /** The steps that wait for watermarks ({@link #watermarkIdleSkip}). */
    public static final String WATERMARK_STAGE_FUNNEL = "novelty-funnel";
    public static final String WATERMARK_STAGE_NEWS_CONTEXT = "news-context";
    public static final String WATERMARK_STAGE_DEALS = "deal-watermark";
    /** The reactions' fallback waiting for the clock of a ticker's {@code tick-closes} partition ({@code CloseClock}). */
    public static final String WATERMARK_STAGE_CLOSE_CLOCK = "close-clock";
    /** The signal quality over all tickers waiting for every market partition's reaction completion watermark. */
    public static final String WATERMARK_STAGE_SIGNAL_ALL = "signal-quality-all";

    /** The {@code ticker} of figures over all tickers (the signal quality's): no symbol is written so. */
    public static final String ALL_TICKERS = "*";

    /** Registers the dead-letter counter of a reason at zero (call once per reason of the bounded set). */
    public void declareDeadLetterReason(String reason) {
        registry.counter("newsflow.dead.letters", "reason", reason);
    }

    /** The label a symbol is counted under. */
    public String symbolLabel(String symbol) {
        return tracked(symbol) ? symbol : OTHER;
    }

    /** Whether a symbol gets its own series (a gauge of an untracked symbol would mix symbols). */
    public boolean tracked(String symbol) {
        return symbol != null && trackedSymbols.contains(symbol);
    }

    // --- news -------------------------------------------------------------------------------

    public void sentimentRolling(String ticker, String window, double sentiment, double buzz, long articles) {
        if (!tracked(ticker)) {
            return;
        }
        Tags tags = Tags.of("ticker", ticker, "window", window);
        gauge("newsflow.sentiment.rolling", tags, sentiment);
        gauge("newsflow.sentiment.buzz.ratio", tags, buzz);
        gauge("newsflow.sentiment.window.articles", tags, articles);
    }

    public void articleScored(String ticker, String language) {
        registry.counter("newsflow.articles.scored", "ticker", symbolLabel(ticker), "language", languageLabel(language))
                .increment();
    }

    public void articleDuplicate(String language) {
        registry.counter("newsflow.articles.duplicate", "language", languageLabel(language)).increment();
    }

    // --- prices -----------------------------------------------------------------------------

    /** Once per tick: the gauge is found by symbol in a local map, without building its tags. */
    public void lastPrice(String symbol, double price) {
        lastPrices.computeIfAbsent(symbol, s -> tracked(s) ? holder("newsflow.price.last", Tags.of("symbol", s))
                : UNTRACKED).set(price);
    }

    /** Once per tick and alert window, like {@link #lastPrice}. */
    public void priceReturn(String symbol, String window, double ratio) {
        priceReturns.computeIfAbsent(symbol, s -> new ConcurrentHashMap<>())
                .computeIfAbsent(window, w -> tracked(symbol) ? holder("newsflow.price.return.ratio",
                        Tags.of("symbol", symbol, "window", w)) : UNTRACKED)
                .set(ratio);
    }

    public void marketReaction(String ticker, String horizon, double priceReturn, Double abnormalReturn) {
        if (!tracked(ticker)) {
            return;
        }
        Tags tags = Tags.of("ticker", ticker, "horizon", horizon);
        gauge("newsflow.market.reaction.return.ratio", tags, priceReturn);
        if (abnormalReturn != null) {
            gauge("newsflow.market.reaction.abnormal.return.ratio", tags, abnormalReturn);
        }
    }

    // --- issue 23: event study, signal quality, decayed sentiment ----------------------------


    /** The event study of a completed reaction: its CAR, standardised CAR, and a count by model and test outcome. */
    public void eventStudy(String ticker, String horizon, io.newsflow.topology.market.study.EventStudyResult r) {
        Tags tags = Tags.of("ticker", symbolLabel(ticker), "horizon", horizon);
        if (r.car() != null) {
            gauge("newsflow.market.reaction.car.ratio", tags, r.car());
        }
        if (r.scar() != null) {
            gauge("newsflow.market.reaction.scar", tags, r.scar());
        }
        String significant = r.significant() == null ? "untested" : r.significant().toString();
        registry.counter("newsflow.market.reactions", "horizon", horizon, "model", r.model().name(),
                "significant", significant).increment();
    }

    /** The signal quality of a ticker, or over all of them ({@link #ALL_TICKERS}, a label of its own). */
    public void signalQuality(String ticker, String horizon, long articles, Double hitRate, Double ic,
            Double meanCarPositive, Double meanCarNegative) {
        Tags tags = Tags.of("ticker", ALL_TICKERS.equals(ticker) ? ticker : symbolLabel(ticker), "horizon", horizon);
        gauge("newsflow.signal.articles", tags, articles);
        if (hitRate != null) {
            gauge("newsflow.signal.hit.ratio", tags, hitRate);
        }
        if (ic != null) {
            gauge("newsflow.signal.information.coefficient", tags, ic);
        }
        if (meanCarPositive != null) {
            gauge("newsflow.signal.mean.car.ratio", tags.and("polarity", "positive"), meanCarPositive);
        }
        if (meanCarNegative != null) {
            gauge("newsflow.signal.mean.car.ratio", tags.and("polarity", "negative"), meanCarNegative);
        }
    }

    public void sentimentDecayed(String ticker, double score) {
        gauge("newsflow.sentiment.decayed", Tags.of("ticker", symbolLabel(ticker)), score);
    }

    public void alert(String symbol, String window, String direction) {
        registry.counter("newsflow.alerts", "symbol", symbolLabel(symbol), "window", window, "direction", direction)
                .increment();
    }

    // --- bonds ------------------------------------------------------------------------------

    public synchronized void bondBook(String deal, String issuer, String currency, long orderBook, long targetSize,
            double oversubscription, Double spreadBps, Double tighteningBps) {
        Set<Meter> meters = dealMeters.computeIfAbsent(deal, d -> new java.util.LinkedHashSet<>());
        Tags withCurrency = Tags.of("deal", deal, "issuer", issuer, "currency", currency);
        Tags plain = Tags.of("deal", deal, "issuer", issuer);
        meters.add(gauge("newsflow.bond.order.book", withCurrency, orderBook));
        meters.add(gauge("newsflow.bond.target.size", withCurrency, targetSize));
        meters.add(gauge("newsflow.bond.oversubscription.ratio", plain, oversubscription));
        if (spreadBps != null) {
            meters.add(gauge("newsflow.bond.spread.ratio", plain, spreadBps * BASIS_POINT));
        }
        if (tighteningBps != null) {
            meters.add(gauge("newsflow.bond.spread.tightening.ratio", plain, tighteningBps * BASIS_POINT));
        }
        while (dealMeters.size() > maxDeals) {
            String oldest = dealMeters.keySet().iterator().next();
            dropDeal(oldest);
        }
    }

    public void creditEquityDivergence(String issuer, boolean divergent) {
        if (!tracked(issuer)) {
            return;
        }
        gauge("newsflow.credit.equity.divergence", Tags.of("issuer", issuer), divergent ? 1 : 0);
    }

    // --- pipeline ---------------------------------------------------------------------------

    public void deadLetter(String reason) {
        registry.counter("newsflow.dead.letters", "reason", reason).increment();
    }

    /**
     * A step that waits for watermarks stopped waiting for a quiet source ({@code watermark.idle.timeout}):
     * what that source sends later is taken in arrival order (docs/reliability.md, "Liveness").
     */
    public void watermarkIdleSkip(String stage) {
        registry.counter("newsflow.watermark.idle.skips", "stage", stage).increment();
    }

    /** A dead letter that could not be written itself. */
    public static final String DEAD_LETTER_NOT_WRITTEN = "dead-letter-not-written";

    /** A record dropped because it could be neither written nor dead-lettered (its dead letter failed too). */
    public void recordSkipped(String reason) {
        registry.counter("newsflow.records.skipped", "reason", reason).increment();
    }

    /** Once per input record: the counter is looked up in a local map, not re-resolved in the registry. */
    public void recordProcessed(String stream) {
        processed.computeIfAbsent(stream, s -> registry.counter("newsflow.records.processed", "stream", s)).increment();
    }

    /** Event time to processing time; negative lags (clock skew) are recorded as zero. */
    public void endToEndLag(String stream, long eventTimeMs, long nowMs) {
        lagTimers.computeIfAbsent(stream, s -> Timer.builder("newsflow.end.to.end.lag")
                .description("Event time to processing wall-clock time")
                .tag("stream", s)
                .publishPercentileHistogram()
                .serviceLevelObjectives(Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(1),
                        Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(5),
                        Duration.ofHours(1))
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofDays(1))
                .register(registry))
                .record(Math.max(0, nowMs - eventTimeMs), TimeUnit.MILLISECONDS); // once per input record: no Duration
    }

    // --- helpers ----------------------------------------------------------------------------

    private static String languageLabel(String language) {
        return language == null || !language.matches("[a-z]{2,3}") ? "und" : language;
    }

    private Meter gauge(String name, Tags tags, double value) {
        Holder holder = holder(name, tags);
        holder.set(value);
        return holder.meter();
    }

    /** The gauge's value holder, registered on first use (starting at NaN until its first value is set). */
    private Holder holder(String name, Tags tags) {
        List<String> id = new ArrayList<>();
        id.add(name);
        tags.forEach(t -> id.add(t.getKey() + "=" + t.getValue()));
        return gauges.computeIfAbsent(id, k -> {
            AtomicLong bits = new AtomicLong(Double.doubleToLongBits(Double.NaN));
            Gauge meter = Gauge.builder(name, bits, b -> Double.longBitsToDouble(b.get())).tags(tags)
                    .strongReference(true).register(registry); // HELP text: MetricHelp
            return new Holder(bits, meter);
        });
    }

    private void dropDeal(String deal) {
        Set<Meter> meters = dealMeters.remove(deal);
        if (meters == null) {
            return;
        }
        for (Meter meter : meters) {
            registry.remove(meter);
            List<String> id = new ArrayList<>();
            id.add(meter.getId().getName());
            meter.getId().getTagsAsIterable().forEach(t -> id.add(t.getKey() + "=" + t.getValue()));
            gauges.remove(id);
        }
    }

    /** Exposed for tests and the metrics endpoint. */
    public MeterRegistry registry() {
        return registry;
    }
}
