package io.newsflow.topology.market;

import io.newsflow.avro.MarketReaction;
import io.newsflow.avro.PriceTick;
import io.newsflow.metrics.PipelineMetrics;
import io.newsflow.topology.StoreNames;
import io.newsflow.topology.TopologySettings;
import io.newsflow.topology.alert.PriceMoveDetector;
import io.newsflow.topology.bond.CreditEquity;
import io.newsflow.topology.context.HeldOutputs;
import io.newsflow.topology.dlq.DeadLetterReason;
import io.newsflow.topology.dlq.DeadLetters;
import io.newsflow.topology.dlq.GuardedProcessor;
import io.newsflow.topology.dlq.Routed;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The tick step: records each tick in the symbol's {@link TickHistory}, then evaluates the
 * sharp-move alert windows and, when the tick opens a new {@code ticks.resolution} bucket for its
 * symbol, completes the symbol's due market reactions and re-evaluates the issuer's
 * credit-vs-equity view. Results are {@code PriceMoveAlert}s, {@link MarketReaction}s,
 * {@code CreditEquityView}s and, for the benchmark symbol, the {@link PriceTick}s to broadcast to
 * every task, split by type downstream.
 *
 * <p>Reactions and the credit view read only prices the history keeps, one per bucket, so checking
 * them more than once per bucket could only repeat the answer: a horizon's reaction is the same
 * whichever tick completes it, and it goes out at most one bucket of event time later than on the
 * exact passing tick (its record timestamp is the horizon either way). Most ticks of a busy symbol
 * therefore skip two store look-ups.
 *
 * <p>One step rather than one processor per output: the three share the in-memory history (a
 * store look-up per question would cost more than all the rest of a tick), and a tick crosses one
 * node instead of a dozen. Each part is guarded on its own: a failure in one becomes a dead letter
 * and the others' results still go out.
 *
 * <p>Reactions are also swept on stream-time punctuation (for benchmark ticks arriving last and
 * for expired waits).
 */
public final class TickProcessor extends GuardedProcessor<PriceTick, SpecificRecord> {

    /** The state stores the tick step uses (TopologyStores connects the step to them). */
    public static final List<String> STORES = List.of(StoreNames.TICK_POINTS, StoreNames.PENDING_REACTIONS,
            StoreNames.BENCHMARK_POINTS, StoreNames.ALERT_STATE, StoreNames.SENTIMENT_CONTRIBUTIONS,
            StoreNames.ISSUER_DEALS, StoreNames.CREDIT_VIEWS, StoreNames.CREDIT_VIEW_SOURCES,
            StoreNames.HELD_OUTPUTS, StoreNames.NEWS_WATERMARK, StoreNames.DEAL_HISTORY, StoreNames.DEAL_WATERMARKS);

    private static final Duration SWEEP = Duration.ofMinutes(1);

    private final TopologySettings settings;
    private final PipelineMetrics metrics;
    /** Event time of the newest benchmark tick sent to the broadcast (only in memory: a repeat after a restart is harmless). */
    private long lastBroadcast = Long.MIN_VALUE;
    private TickHistory history;
    private ReactionTracker reactions;
    private PriceMoveDetector alerts;
    /** The tick being processed, named only when an alert or a credit view needs it (replays). */
    private final Supplier<String> source = this::currentSource;
    private CreditEquity credit;
    /** Alerts and credit views wait here for their news context. */
    private HeldOutputs held;

    public TickProcessor(TopologySettings settings, PipelineMetrics metrics, DeadLetters deadLetters,
            Serializer<PriceTick> payloadSerializer) {
        super(deadLetters, payloadSerializer);
        this.settings = settings;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, Routed<SpecificRecord>> context) {
        super.init(context);
        history = new TickHistory(context.getStateStore(StoreNames.TICK_POINTS), settings.tickResolution().millis(),
                settings.tickRetentionMs());
        history.flushEveryCommit(context);
        reactions = ReactionProcessors.tracker(context, settings, metrics, history);
        alerts = new PriceMoveDetector(settings, metrics, history, context);
        credit = new CreditEquity(context, settings, metrics, history);
        held = new HeldOutputs(context, settings);
        context.schedule(SWEEP, PunctuationType.STREAM_TIME, now -> {
            for (MarketReaction r : reactions.completeAllReady(now)) {
                context.forward(new Record<>(r.getTicker(), Routed.ok(r),
                        r.getPublishedAt().toEpochMilli() + r.getHorizonMs()));
            }
        });
    }

    @Override
    protected void handle(Record<String, PriceTick> record, Output<SpecificRecord> out) {
        PriceTick tick = record.value();
        String symbol = tick.getSymbol();
        long time = tick.getEventTime().toEpochMilli();
        boolean benchmark = symbol.equals(settings.reactionBenchmark());
        Optional<PriceSeries.Point> previous = benchmark ? history.latest(symbol) : Optional.empty();
        TickHistory.Recorded recorded = history.record(symbol, time, tick.getPrice());
        if (recorded.newest()) {
            metrics.lastPrice(symbol, tick.getPrice());
        }
        if (benchmark) {
            broadcast(tick, recorded, previous, out);
        }
        guarded(record, out, () -> alerts.onTick(symbol, source).forEach(alert -> held.completeOrHold(alert)
                .ifPresent(completed -> out.emit(symbol, completed, completed.getTriggeredAt().toEpochMilli()))));
        boolean flipsHere = !settings.newsContextWait(); // otherwise judged in event time by the deal step (CreditFlips)
        if (recorded != TickHistory.Recorded.NEWEST_IN_NEW_BUCKET) {
            if (!flipsHere) {
                return;
            }
            // reactions and the credit view move on bucket boundaries (see the class comment); a
            // replayed tick that had flipped the credit view emits it again
            guarded(record, out, () -> credit.replayOf(symbol, source).flatMap(held::completeOrHold)
                    .ifPresent(view -> out.emit(view.getIssuerSymbol(), view, view.getAsOf().toEpochMilli())));
            return;
        }
        guarded(record, out, () -> {
            for (MarketReaction r : reactions.completeReady(symbol, Math.max(context.currentStreamTimeMs(), record.timestamp()))) {
                out.emit(r.getTicker(), r, r.getPublishedAt().toEpochMilli() + r.getHorizonMs());
            }
        });
        if (!flipsHere) {
            return;
        }
        guarded(record, out, () -> credit.onTick(symbol, time, source).flatMap(held::completeOrHold)
                .ifPresent(view -> out.emit(view.getIssuerSymbol(), view, view.getAsOf().toEpochMilli())));
    }

    /**
     * The benchmark's ticks for every task's benchmark history, thinned to what that history keeps:
     * the first tick of each bucket at once (it moves the benchmark's time on, which reactions wait
     * for) and the bucket's final tick when the next bucket opens. Late ticks go out as they come.
     */
    private void broadcast(PriceTick tick, TickHistory.Recorded recorded, Optional<PriceSeries.Point> previous,
            Output<SpecificRecord> out) {
        if (recorded == TickHistory.Recorded.NEWEST) {
            return; // kept in the open bucket; sent as its final tick when the bucket closes
        }
        if (recorded == TickHistory.Recorded.NEWEST_IN_NEW_BUCKET && previous.isPresent()
                && previous.get().time() > lastBroadcast) {
            PriceTick closing = PriceTick.newBuilder(tick).setPrice(previous.get().price())
                    .setEventTime(Instant.ofEpochMilli(previous.get().time())).setSize(0).setBid(null).setAsk(null)
                    .build();
            out.emit(tick.getSymbol(), closing, previous.get().time());
        }
        long time = tick.getEventTime().toEpochMilli();
        out.emit(tick.getSymbol(), tick, time);
        lastBroadcast = Math.max(lastBroadcast, time);
    }

    /** Runs one part of the step; its failure becomes a dead letter without stopping the other parts. */
    private static void guarded(Record<String, PriceTick> record, Output<SpecificRecord> out, Runnable part) {
        try {
            part.run();
        } catch (StreamsException e) {
            throw e;
        } catch (RuntimeException e) {
            out.deadLetter(record, DeadLetterReason.PROCESSING_ERROR, DeadLetters.describe(e));
        }
    }
}
