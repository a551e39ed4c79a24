package io.newsflow.topology.alert;

import io.newsflow.avro.MoveDirection;
import io.newsflow.avro.PriceMoveAlert;
import io.newsflow.avro.PriceTick;
import io.newsflow.avro.SentimentRolling;
import io.newsflow.metrics.PipelineMetrics;
import io.newsflow.topology.Span;
import io.newsflow.topology.StoreNames;
import io.newsflow.topology.TopologySettings;
import io.newsflow.topology.bond.IssuerDeal;
import io.newsflow.topology.dlq.DeadLetters;
import io.newsflow.topology.dlq.GuardedProcessor;
import io.newsflow.topology.dlq.Routed;
import io.newsflow.topology.market.PriceSeries;
import io.newsflow.topology.sentiment.Contribution;
import io.newsflow.topology.sentiment.SentimentWindow;
import io.newsflow.topology.state.TimeIndex;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Sharp-move alerts: on each tick, the return of every configured sliding window is the latest
 * price against the price at (or just before) {@code latest - window}. Crossing the window's
 * threshold opens a move and emits one alert; the move stays open, silently, until the return
 * falls back inside {@code threshold x alerts.reset.fraction} or flips sign. The alert id is
 * {@code symbol|window|start of the move}, so a replay produces the same ids.
 *
 * <p>Optional z-score: the return divided by the standard deviation of the previous
 * non-overlapping window returns in the tick history; with {@code alerts.zscore > 0} an alert
 * also needs |z| at or above it (when there are at least 5 earlier windows to judge by).
 */
public class PriceMoveDetector extends GuardedProcessor<PriceTick, PriceMoveAlert> {

    private static final int Z_WINDOWS = 20;
    private static final int Z_MIN_WINDOWS = 5;

    private final TopologySettings settings;
    private final PipelineMetrics metrics;
    private PriceSeries ticks;
    private KeyValueStore<String, AlertState> states;
    private SentimentWindow newsWindow;
    private TimeIndex<Contribution> articles;
    private KeyValueStore<String, IssuerDeal> deals;

    public PriceMoveDetector(TopologySettings settings, PipelineMetrics metrics, DeadLetters deadLetters,
            Serializer<PriceTick> payloadSerializer) {
        super(deadLetters, payloadSerializer);
        this.settings = settings;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, Routed<PriceMoveAlert>> context) {
        super.init(context);
        ticks = new PriceSeries(new TimeIndex<>(context.getStateStore(StoreNames.TICK_HISTORY)));
        states = context.getStateStore(StoreNames.ALERT_STATE);
        newsWindow = new SentimentWindow(settings.largestSentimentWindow(), settings.sentimentAdvance().millis(),
                settings.sentimentBaseline().millis(), settings.sentimentNeutralBand());
        articles = new TimeIndex<>(context.getStateStore(StoreNames.SENTIMENT_CONTRIBUTIONS));
        deals = context.getStateStore(StoreNames.ISSUER_DEALS);
    }

    @Override
    protected void handle(Record<String, PriceTick> record, Output<PriceMoveAlert> out) {
        String symbol = record.value().getSymbol();
        Optional<PriceSeries.Point> latest = ticks.latest(symbol);
        if (latest.isEmpty()) {
            return;
        }
        long now = latest.get().time();
        for (int i = 0; i < settings.alertWindows().size(); i++) {
            Span window = settings.alertWindows().get(i);
            double threshold = settings.alertThresholds().get(i);
            Optional<PriceSeries.Return> move = ticks.change(symbol, now - window.millis(), now);
            if (move.isEmpty()) {
                continue;
            }
            double ret = move.get().value();
            metrics.priceReturn(symbol, window.label(), ret);
            evaluate(symbol, window, threshold, move.get(), out);
        }
    }

    private void evaluate(String symbol, Span window, double threshold, PriceSeries.Return move,
            Output<PriceMoveAlert> out) {
        String stateKey = symbol + "|" + window.label();
        AlertState state = states.get(stateKey);
        double ret = move.value();
        MoveDirection direction = ret >= 0 ? MoveDirection.UP : MoveDirection.DOWN;
        if (state != null) {
            boolean inside = Math.abs(ret) < threshold * settings.alertResetFraction();
            boolean flipped = !state.direction().equals(direction.name()) && ret != 0;
            if (inside || flipped) {
                states.delete(stateKey);
                state = null;
            } else {
                return; // still the same move: already alerted
            }
        }
        if (Math.abs(ret) < threshold) {
            return;
        }
        Double z = zScore(symbol, window, move);
        if (settings.alertZScore() > 0 && z != null && Math.abs(z) < settings.alertZScore()) {
            return;
        }
        long start = move.from().time();
        long triggered = move.to().time();
        String alertId = symbol + "|" + window.label() + "|" + start;
        states.put(stateKey, new AlertState(alertId, direction.name(), start, triggered));
        metrics.alert(symbol, window.label(), direction.name());
        out.emit(symbol, alert(alertId, symbol, window, threshold, direction, move, z), triggered);
    }

    private PriceMoveAlert alert(String alertId, String symbol, Span window, double threshold,
            MoveDirection direction, PriceSeries.Return move, Double z) {
        long now = move.to().time();
        List<String> recentIds = new ArrayList<>(new LinkedHashSet<>(
                articles.range(symbol, now - settings.alertContext().millis(), now).stream()
                        .filter(e -> e.value().novel()).map(e -> e.value().articleId()).toList()));
        return PriceMoveAlert.newBuilder()
                .setAlertId(alertId)
                .setSymbol(symbol)
                .setWindowLabel(window.label())
                .setWindowMs(window.millis())
                .setDirection(direction)
                .setStartPrice(move.from().price())
                .setEndPrice(move.to().price())
                .setPriceReturn(move.value())
                .setThreshold(threshold)
                .setZScore(z)
                .setStartTime(Instant.ofEpochMilli(move.from().time()))
                .setTriggeredAt(Instant.ofEpochMilli(now))
                .setRecentSentiment(recentSentiment(symbol, now))
                .setRecentArticleCount(recentIds.size())
                .setRecentArticleIds(recentIds)
                .setOpenBondDeals(openDeals(symbol, now))
                .build();
    }

    /** Rolling sentiment of the largest window (24h by default) as of the alert; null without news. */
    private Double recentSentiment(String symbol, long now) {
        SentimentRolling rolling = newsWindow.aggregate(symbol, now, articles);
        boolean anyNews = !articles.range(symbol, rolling.getWindowStart().toEpochMilli(),
                rolling.getWindowEnd().toEpochMilli() - 1).isEmpty();
        return anyNews ? rolling.getNoveltyWeightedSentiment() : null;
    }

    private List<String> openDeals(String symbol, long now) {
        List<String> open = new ArrayList<>();
        try (KeyValueIterator<String, IssuerDeal> it = deals.prefixScan(symbol + "|",
                new org.apache.kafka.common.serialization.StringSerializer())) {
            it.forEachRemaining(kv -> {
                if (kv.value.isOpen(now, settings.openDealPricedWithin().millis())) {
                    open.add(kv.value.dealId());
                }
            });
        }
        return open;
    }

    private Double zScore(String symbol, Span window, PriceSeries.Return move) {
        List<Double> returns = new ArrayList<>();
        long end = move.from().time();
        for (int k = 0; k < Z_WINDOWS; k++) {
            long start = end - window.millis();
            Optional<PriceSeries.Point> a = ticks.atOrBefore(symbol, start);
            Optional<PriceSeries.Point> b = ticks.atOrBefore(symbol, end);
            if (a.isEmpty() || b.isEmpty()) {
                break;
            }
            returns.add(b.get().price() / a.get().price() - 1.0);
            end = start;
        }
        if (returns.size() < Z_MIN_WINDOWS) {
            return null;
        }
        double mean = returns.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double variance = returns.stream().mapToDouble(r -> (r - mean) * (r - mean)).sum() / (returns.size() - 1);
        double sd = Math.sqrt(variance);
        return sd > 0 ? move.value() / sd : null;
    }
}
