package io.newsflow.topology.market;

import io.newsflow.avro.CreditEquityView;
import io.newsflow.avro.MarketReaction;
import io.newsflow.avro.PriceTick;
import io.newsflow.metrics.PipelineMetrics;
import io.newsflow.topology.StoreNames;
import io.newsflow.topology.TopologySettings;
import io.newsflow.topology.bond.CreditEquity;
import io.newsflow.topology.bond.CreditViewWalk;
import io.newsflow.topology.bond.DealWatermarks;
import io.newsflow.topology.context.HeldOutputs;
import io.newsflow.topology.dlq.DeadLetterReason;
import io.newsflow.topology.dlq.DeadLetters;
import io.newsflow.topology.dlq.GuardedProcessor;
import io.newsflow.topology.watermark.IdleSources;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The bucket-close step, in the sub-topology that meets the news, the deals and the benchmarks: the
 * thinned ticks from {@code tick-closes} (each symbol's bucket closes, {@link TickProcessor.BucketCloses};
 * every benchmark's in every partition) are recorded in the task's own one-per-bucket history
 * ({@code bucket-closes}); when a close opens a new {@code ticks.resolution} bucket for its symbol the
 * symbol's due market reactions are completed ({@link ReactionTracker}, with the event study over
 * this history: estimation and event bars of the ticker and of its benchmark) and, in the
 * latency-first profile, the issuer's credit view is re-evaluated (otherwise {@code CreditViewWalk} judges
 * the flips in event time). When a benchmark (any ticker's, {@code reaction.benchmarks}) enters a new
 * minute every task's waiting reactions are asked again. Results ({@link CloseResult}): reactions, credit
 * views and the reactions' completion watermarks, split by kind downstream.
 *
 * <p>Reactions and the credit view read only prices a one-per-bucket history keeps, so they see the
 * same series here as on the raw ticks; a horizon's reaction is the same whichever close completes it.
 * Reactions are also swept on stream-time punctuation (for expired waits).
 */
public final class BucketCloseProcessor extends GuardedProcessor<PriceTick, CloseResult> {

    /** The state stores the step uses (TopologyStores connects the step to them). */
    public static final List<String> STORES = List.of(StoreNames.CLOSE_POINTS, StoreNames.PENDING_REACTIONS,
            StoreNames.SENTIMENT_CONTRIBUTIONS, StoreNames.ISSUER_DEALS, StoreNames.CREDIT_VIEWS,
            StoreNames.CREDIT_VIEW_SOURCES, StoreNames.HELD_OUTPUTS, StoreNames.NEWS_WATERMARK,
            StoreNames.DEAL_HISTORY, StoreNames.DEAL_WATERMARKS, StoreNames.CREDIT_FLIP_WALKS, StoreNames.CLOSE_CLOCKS);

    private static final Duration SWEEP = Duration.ofMinutes(1);
    private static final long MINUTE = 60_000L;

    private final TopologySettings settings;
    private final PipelineMetrics metrics;
    private TickHistory history;
    private ReactionTracker reactions;
    private CreditEquity credit;
    private HeldOutputs held;
    private CreditViewWalk walk;
    private KeyValueStore<String, Long> dealWatermarks;
    private CloseClock clock;
    /** The escape of a reaction waiting for the clock of a partition whose every symbol stopped trading. */
    private IdleSources idleClock;
    private final ReactionCompletions completions = new ReactionCompletions();
    /** The close being processed, named only when a credit view needs it (replays). */
    private final Supplier<String> source = this::currentSource;

    public BucketCloseProcessor(TopologySettings settings, PipelineMetrics metrics) {
        this.settings = settings;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, CloseResult> context) {
        super.init(context);
        history = TickHistory.open(context, StoreNames.CLOSE_POINTS, settings);
        reactions = ReactionProcessors.tracker(context, settings, metrics, history);
        clock = CloseClock.of(context);
        idleClock = IdleSources.of(PipelineMetrics.WATERMARK_STAGE_CLOSE_CLOCK, settings, context::currentSystemTimeMs,
                metrics);
        credit = new CreditEquity(context, settings, metrics, history);
        held = new HeldOutputs(context, settings);
        walk = new CreditViewWalk(context, credit, history, settings.ticks().resolution().millis());
        dealWatermarks = context.getStateStore(StoreNames.DEAL_WATERMARKS);
        context.schedule(SWEEP, PunctuationType.STREAM_TIME, now -> {
            for (MarketReaction r : reactions.completeAllReady(now)) {
                context.forward(new Record<>(r.getTicker(), new CloseResult.Reaction(r),
                        r.getPublishedAt().toEpochMilli() + r.getHorizonMs()));
            }
            forwardCompletion();
        });
        IdleSources.scheduleChecks(context, settings, this::releaseIfClockIdle);
    }

    /**
     * The idle escape (wall clock, every second): when reactions wait only for the clock of the task's
     * {@code tick-closes} partition and it has not moved for {@code watermark.idle.timeout}, they go from
     * the closes that are in. Not a function of the input: a hot task that lags that long gets the same.
     */
    private void releaseIfClockIdle() {
        long streamTime = context.currentStreamTimeMs();
        boolean waiting = reactions.waitingForClock(streamTime);
        idleClock.holding(waiting);
        if (waiting && idleClock.skip(0, clock.time())) {
            for (MarketReaction r : reactions.completeAllReady(streamTime, true)) {
                context.forward(new Record<>(r.getTicker(), new CloseResult.Reaction(r),
                        r.getPublishedAt().toEpochMilli() + r.getHorizonMs()));
            }
        }
        forwardCompletion();
    }

    /**
     * The task's reaction completion watermarks ({@link ReactionCompletions}), after the reactions they cover: on
     * each sweep and idle check, so that they move with the stream time even while no reaction completes. Keyed
     * by the task's partition and the horizon, their source for the all-tickers step.
     */
    private void forwardCompletion() {
        for (CloseResult.ReactionsComplete complete : completions.moved(context, reactions, held.watermark())) {
            context.forward(new Record<>(complete.key(), complete, complete.through()));
        }
    }

    @Override
    protected void handle(Record<String, PriceTick> record, Output<CloseResult> out) {
        PriceTick close = record.value();
        String symbol = close.getSymbol();
        long time = close.getEventTime().toEpochMilli();
        long before = history.latest(symbol).map(PriceSeries.Point::time).orElse(Long.MIN_VALUE);
        TickHistory.Recorded recorded = history.record(symbol, time, close.getPrice());
        boolean flipsHere = !settings.watermarks().newsContextWait(); // otherwise judged in event time by the deal step (CreditViewWalk)
        boolean isBenchmark = settings.analytics().benchmarks().isBenchmark(symbol);
        boolean benchmarkMinute = isBenchmark && recorded.newest() && time / MINUTE > before / MINUTE;
        // a close of tick-closes (every non-benchmark's) moves the partition's clock, which fallbacks wait for
        boolean clockMinute = false;
        if (!isBenchmark) {
            long clockBefore = clock.advance(context, time);
            if (time > clockBefore) {
                idleClock.moved(0);
                clockMinute = Math.floorDiv(time, MINUTE) > Math.floorDiv(clockBefore, MINUTE);
            }
        }
        boolean askAll = benchmarkMinute || clockMinute;
        if (recorded == TickHistory.Recorded.NEWEST_IN_NEW_BUCKET || askAll) {
            guarded(record, out, () -> {
                long streamTime = Math.max(context.currentStreamTimeMs(), record.timestamp());
                // the benchmark or the partition's clock moved on: every ticker's waits are asked again
                List<MarketReaction> done = askAll ? reactions.completeAllReady(streamTime)
                        : reactions.completeReady(symbol, streamTime);
                for (MarketReaction r : done) {
                    out.emit(r.getTicker(), new CloseResult.Reaction(r), r.getPublishedAt().toEpochMilli() + r.getHorizonMs());
                }
            });
        }
        if (!flipsHere) {
            if (recorded == TickHistory.Recorded.NEWEST_IN_NEW_BUCKET) {
                // the issuer's closes before this bucket are final: the views that waited for them past the deal watermark
                guarded(record, out, () -> {
                    long gate = DealWatermarks.gate(dealWatermarks);
                    long keepFrom = CreditViewWalk.keepFrom(gate, held.earliestHeld(), settings.sentiment().advance().millis());
                    for (CreditEquityView view : walk.onNewBucket(symbol, gate, keepFrom)) {
                        held.completeOrHold(view).ifPresent(v -> out.emit(v.getIssuerSymbol(), new CloseResult.CreditView(v),
                                v.getAsOf().toEpochMilli()));
                    }
                });
            }
            return;
        }
        if (recorded != TickHistory.Recorded.NEWEST_IN_NEW_BUCKET) {
            // the credit view moves on bucket boundaries; a replayed close that had flipped it emits it again
            guarded(record, out, () -> credit.replayOf(symbol, source).flatMap(held::completeOrHold)
                    .ifPresent(view -> out.emit(view.getIssuerSymbol(), new CloseResult.CreditView(view),
                        view.getAsOf().toEpochMilli())));
            return;
        }
        guarded(record, out, () -> credit.onTick(symbol, time, source).flatMap(held::completeOrHold)
                .ifPresent(view -> out.emit(view.getIssuerSymbol(), new CloseResult.CreditView(view),
                        view.getAsOf().toEpochMilli())));
    }

    /** Runs one part of the step; its failure becomes a dead letter without stopping the other parts. */
    private static void guarded(Record<String, PriceTick> record, Output<CloseResult> out, Runnable part) {
        try {
            part.run();
        } catch (StreamsException e) {
            throw e;
        } catch (RuntimeException e) {
            out.deadLetter(DeadLetterReason.PROCESSING_ERROR, DeadLetters.describe(e));
        }
    }
}
