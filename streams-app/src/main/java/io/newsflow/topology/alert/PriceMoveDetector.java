package io.newsflow.topology.alert;

import io.newsflow.avro.MoveDirection;
import io.newsflow.avro.PriceMoveAlert;
import io.newsflow.metrics.PipelineMetrics;
import io.newsflow.topology.Span;
import io.newsflow.topology.StoreNames;
import io.newsflow.topology.TopologySettings;
import io.newsflow.topology.market.PriceSeries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Sharp-move alerts (a helper of the tick step, {@link io.newsflow.topology.market.TickProcessor}): on each tick, the return of every configured sliding window is the latest
 * price against the price at (or just before) {@code latest - window}. Crossing the window's
 * threshold opens a move and emits one alert; the move stays open, silently, until the return
 * falls back inside {@code threshold x alerts.reset.fraction} or flips sign. The alert id is
 * {@code symbol|window|start of the move}, so a replay produces the same ids.
 *
 * <p>Optional z-score: the return divided by the standard deviation of the previous
 * non-overlapping window returns in the tick history; with {@code alerts.zscore > 0} an alert
 * also needs |z| at or above it (when there are at least 5 earlier windows to judge by).
 *
 * <p>The alerts go out without their news context (recent sentiment, articles, open bond deals): the
 * tick step's sub-topology reads only the ticks. The context follows as a record of its own, keyed by
 * the alert id ({@link io.newsflow.topology.context.AlertContextProcessor}).
 */
public final class PriceMoveDetector {

    private static final int Z_WINDOWS = 20;
    private static final int Z_MIN_WINDOWS = 5;

    private final TopologySettings settings;
    private final PipelineMetrics metrics;
    private final PriceSeries ticks;
    private final KeyValueStore<String, AlertState> states;
    /** The open moves, read through: every tick asks for them and only this step writes them. */
    private final Map<String, Optional<AlertState>> openMoves = new HashMap<>();
    /** symbol -> the alert-state key of each window, built once. */
    private final Map<String, String[]> stateKeys = new HashMap<>();

    public PriceMoveDetector(TopologySettings settings, PipelineMetrics metrics, PriceSeries ticks,
            ProcessorContext<?, ?> context) {
        this.settings = settings;
        this.metrics = metrics;
        this.ticks = ticks;
        this.states = context.getStateStore(StoreNames.ALERT_STATE);
    }

    /**
     * Evaluates every alert window of the symbol as of its newest tick; returns the alerts raised.
     * {@code source} names the tick being processed (see {@link AlertState}); it is asked for only
     * when a move is already open.
     */
    public List<PriceMoveAlert> onTick(String symbol, Supplier<String> source) {
        Optional<PriceSeries.Point> latest = ticks.latest(symbol);
        if (latest.isEmpty()) {
            return List.of();
        }
        List<PriceMoveAlert> raised = new ArrayList<>(0);
        long now = latest.get().time();
        for (int i = 0; i < settings.alerts().windows().size(); i++) {
            Span window = settings.alerts().windows().get(i);
            double threshold = settings.alerts().thresholds().get(i);
            Optional<PriceSeries.Return> move = ticks.change(symbol, now - window.millis(), now);
            if (move.isEmpty()) {
                continue;
            }
            metrics.priceReturn(symbol, window.label(), move.get().value());
            evaluate(stateKey(symbol, i), symbol, window, threshold, move.get(), source).ifPresent(raised::add);
        }
        return raised;
    }

    private String stateKey(String symbol, int window) {
        return stateKeys.computeIfAbsent(symbol, s -> settings.alerts().windows().stream()
                .map(w -> s + "|" + w.label()).toArray(String[]::new))[window];
    }

    private Optional<PriceMoveAlert> evaluate(String stateKey, String symbol, Span window, double threshold,
            PriceSeries.Return move, Supplier<String> source) {
        AlertState state = openMoves.computeIfAbsent(stateKey, k -> Optional.ofNullable(states.get(k))).orElse(null);
        double ret = move.value();
        MoveDirection direction = ret >= 0 ? MoveDirection.UP : MoveDirection.DOWN;
        if (state != null) {
            boolean inside = Math.abs(ret) < threshold * settings.alerts().resetFraction();
            boolean flipped = !state.direction().equals(direction.name()) && ret != 0;
            if (inside || flipped) {
                states.delete(stateKey);
                openMoves.put(stateKey, Optional.empty());
            } else if (state.raisedBy(source.get())) {
                return Optional.of(decode(state.alert())); // the tick that raised it, replayed: the same alert
            } else {
                return Optional.empty(); // still the same move: already alerted
            }
        }
        if (Math.abs(ret) < threshold) {
            return Optional.empty();
        }
        Double z = zScore(symbol, window, move);
        if (settings.alerts().zScore() > 0 && z != null && Math.abs(z) < settings.alerts().zScore()) {
            return Optional.empty();
        }
        long start = move.from().time();
        long triggered = move.to().time();
        String alertId = symbol + "|" + window.label() + "|" + start;
        PriceMoveAlert alert = alert(alertId, symbol, window, threshold, direction, move, z);
        AlertState opened = new AlertState(alertId, direction.name(), start, triggered, source.get(), encode(alert));
        states.put(stateKey, opened);
        openMoves.put(stateKey, Optional.of(opened));
        metrics.alert(symbol, window.label(), direction.name());
        return Optional.of(alert);
    }

    private static byte[] encode(PriceMoveAlert alert) {
        try {
            ByteBuffer buffer = alert.toByteBuffer();
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PriceMoveAlert decode(byte[] bytes) {
        try {
            return PriceMoveAlert.fromByteBuffer(ByteBuffer.wrap(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The alert without its news context, which {@link io.newsflow.topology.context.NewsContext} adds. */
    private PriceMoveAlert alert(String alertId, String symbol, Span window, double threshold,
            MoveDirection direction, PriceSeries.Return move, Double z) {
        long now = move.to().time();
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
                .setRecentSentiment(null)
                .setRecentArticleCount(0)
                .setRecentArticleIds(List.of())
                .setOpenBondDeals(List.of())
                .build();
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

    /**
     * The move a symbol+window is currently "in": no further alert until it ends.
     *
     * @param source the tick that raised the alert ({@code topic/partition@offset}), and {@code alert} the
     *               alert as emitted (Avro single-object encoding): a replay of that very tick (at-least-once,
     *               after a crash) emits it again. Both null in states written before they existed.
     */
    public record AlertState(String alertId, String direction, long startTime, long triggeredAt, String source,
            byte[] alert) {

        /** Whether {@code source} is the tick that raised this alert, and the alert is known. */
        public boolean raisedBy(String source) {
            return source != null && source.equals(this.source) && alert != null;
        }
    }
}
