package io.newsflow.topology.market;

import io.newsflow.avro.PriceMoveAlert;
import io.newsflow.avro.PriceTick;
import io.newsflow.metrics.PipelineMetrics;
import io.newsflow.topology.StoreNames;
import io.newsflow.topology.TopologySettings;
import io.newsflow.topology.alert.PriceMoveDetector;
import io.newsflow.topology.dlq.DeadLetterReason;
import io.newsflow.topology.dlq.DeadLetters;
import io.newsflow.topology.dlq.GuardedProcessor;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The hot path's one step, in the sub-topology that reads only {@code market.price-ticks}: records
 * each tick in the symbol's {@link TickHistory}, evaluates the sharp-move windows
 * ({@link PriceMoveDetector}) and emits an alert at once, with the tick, and passes on the thinned
 * ticks ({@link BucketCloses}) for everything that needs news, deals or the benchmark
 * ({@link BucketCloseProcessor}, in a sub-topology of its own).
 *
 * <p>Results: {@link PriceMoveAlert}s (to {@code alerts.price-moves}, and to {@code price-move-alerts}
 * for their news context) and {@link PriceTick}s (the bucket closes, to {@code tick-closes}), each
 * carrying the tick's {@link io.newsflow.topology.dlq.Origin} header so that a dead letter made
 * downstream names the tick.
 *
 * <p>Why a separate sub-topology: a task with many inputs pays Kafka Streams' readiness check
 * ({@code PartitionGroup.readyToProcess} formats a log line per empty input partition and record) and
 * waits for the slowest of them; this one has one input, so an alert never waits for the news.
 */
public final class TickProcessor extends GuardedProcessor<PriceTick, TickProcessor.TickResult> {

    /** The state stores the tick step uses (TopologyStores connects the step to them). */
    public static final List<String> STORES = List.of(StoreNames.TICK_POINTS, StoreNames.ALERT_STATE);

    private final TopologySettings settings;
    private final PipelineMetrics metrics;
    private TickHistory history;
    private PriceMoveDetector alerts;
    private BucketCloses closes;
    /** The tick being processed, named only when a move is open (replays). */
    private final Supplier<String> source = this::currentSource;

    public TickProcessor(TopologySettings settings, PipelineMetrics metrics) {
        this.settings = settings;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, TickResult> context) {
        super.init(context);
        history = TickHistory.open(context, StoreNames.TICK_POINTS, settings);
        alerts = new PriceMoveDetector(settings, metrics, history, context);
        closes = new BucketCloses();
    }

    @Override
    protected boolean passesOriginOn() {
        return true; // alerts and closes go on through internal topics: their dead letters name the tick
    }

    @Override
    protected void handle(Record<String, PriceTick> record, Output<TickResult> out) {
        PriceTick tick = record.value();
        String symbol = tick.getSymbol();
        long time = tick.getEventTime().toEpochMilli();
        Optional<PriceSeries.Point> previous = history.latest(symbol);
        TickHistory.Recorded recorded = history.record(symbol, time, tick.getPrice());
        if (recorded.newest()) {
            metrics.lastPrice(symbol, tick.getPrice());
        }
        closes.of(tick, recorded, previous).forEach(close -> out.emit(symbol, new TickResult.Close(close),
                close.getEventTime().toEpochMilli()));
        try {
            for (PriceMoveAlert alert : alerts.onTick(symbol, source)) {
                out.emit(symbol, new TickResult.Alert(alert), alert.getTriggeredAt().toEpochMilli());
            }
        } catch (StreamsException e) {
            throw e;
        } catch (RuntimeException e) {
            // the closes still go out: the reactions and credit views do not depend on the alerts
            out.deadLetter(DeadLetterReason.PROCESSING_ERROR, DeadLetters.describe(e));
        }
    }

    /**
     * The ticks the bucket-close step needs, thinned to what a one-per-bucket history keeps: a bucket's
     * first tick at once (it moves the symbol's time on, which reactions wait for), the bucket's final
     * tick when the next bucket opens, and a late tick as it comes. Most ticks of a busy symbol pass
     * nothing on.
     */
    static final class BucketCloses {
        /** Event time of each symbol's newest tick passed on (only in memory: a repeat after a restart changes nothing downstream). */
        private final Map<String, Long> lastSent = new HashMap<>();

        List<PriceTick> of(PriceTick tick, TickHistory.Recorded recorded, Optional<PriceSeries.Point> previous) {
            if (recorded == TickHistory.Recorded.NEWEST) {
                return List.of(); // kept in the open bucket; passed on as its final tick when the bucket closes
            }
            String symbol = tick.getSymbol();
            long time = tick.getEventTime().toEpochMilli();
            long sent = lastSent.getOrDefault(symbol, Long.MIN_VALUE);
            lastSent.put(symbol, Math.max(sent, time));
            if (recorded == TickHistory.Recorded.NEWEST_IN_NEW_BUCKET && previous.isPresent()
                    && previous.get().time() > sent) {
                PriceTick closing = PriceTick.newBuilder(tick).setPrice(previous.get().price())
                        .setEventTime(Instant.ofEpochMilli(previous.get().time())).setSize(0).setBid(null).setAsk(null)
                        .build();
                return List.of(closing, tick);
            }
            return List.of(tick);
        }
    }

    /** What the tick step ({@link TickProcessor}) emits: a sharp-move alert, or a bucket close for the market tasks. */
    public sealed interface TickResult {

        /** A sharp-move alert, to {@code alerts.price-moves} at once and on to its news context. */
        record Alert(PriceMoveAlert alert) implements TickResult {
        }

        /** A bucket close, to {@code tick-closes} (or {@code benchmark-closes}). */
        record Close(PriceTick close) implements TickResult {
        }
    }
}
