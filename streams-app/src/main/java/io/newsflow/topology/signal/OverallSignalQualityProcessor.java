package io.newsflow.topology.signal;

import io.newsflow.avro.MarketReaction;
import io.newsflow.avro.SignalQuality;
import io.newsflow.metrics.PipelineMetrics;
import io.newsflow.topology.Span;
import io.newsflow.topology.StoreNames;
import io.newsflow.topology.TopologySettings;
import io.newsflow.topology.dlq.GuardedProcessor;
import io.newsflow.topology.state.TimeIndex;
import io.newsflow.topology.watermark.IdleSources;
import io.newsflow.topology.watermark.Watermarked;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The quality of the news signal over all tickers, per horizon ({@link SignalStatistics}, as per ticker), in one
 * task: every market task sends it its completed reactions and its reactions' completion watermarks, one per
 * horizon ({@code reaction-completions}, one partition; a watermark's key is {@code partition|horizon}, its time the
 * record's timestamp, {@link io.newsflow.topology.market.ReactionTracker#completeThrough}).
 *
 * <p>Deterministic: a reaction is held until every partition's completion watermark of its horizon has passed its
 * due time ({@code publishedAt + horizon}); by then every reaction due at or before it, from every partition, is in. Held
 * reactions are then taken in order of publication, then article id and ticker, whatever order they arrived in,
 * and each scored one gives one {@link SignalQuality} of ticker {@link #ALL_TICKERS}, keyed {@code *|horizon}: the
 * window as of its article, over every ticker's scored reactions (relevance and duplicates as per ticker).
 * The all-tickers figures therefore come as late as the slowest partition's watermark: the news watermark plus
 * the horizon, and the oldest reaction of the horizon still waiting for its ticks.
 */
public final class OverallSignalQualityProcessor extends GuardedProcessor<Watermarked<MarketReaction>, SignalQuality> {

    /** The ticker of the all-tickers records, their key's first part and their metrics' {@code ticker} label. */
    public static final String ALL_TICKERS = PipelineMetrics.ALL_TICKERS;
    /** The state stores this step uses (TopologyStores connects the step to them). */
    public static final List<String> STORES = List.of(StoreNames.REACTION_COMPLETIONS, StoreNames.SIGNAL_HELD_ALL,
            StoreNames.SIGNAL_OBSERVATIONS_ALL);

    private static final String SOURCE = "source-";
    private static final String RELEASED = "released-";

    /** A scored reaction held until every partition's completion watermark passes its due time. */
    public record HeldReaction(String ticker, String horizonLabel, long horizonMs, SignalObservation observation) {
        /** Unique in a horizon at one publication time: an article about two tickers has a reaction for each. */
        String id() {
            return observation.articleId() + "@" + ticker;
        }

        long dueAt() {
            return observation.publishedAt() + horizonMs;
        }
    }

    private final TopologySettings settings;
    private final PipelineMetrics metrics;
    /** The horizons' labels ({@code reaction.horizons}); a label's index is its source in {@link #idle}. */
    private final List<String> horizons;
    private KeyValueStore<String, Long> watermarks;
    private TimeIndex<HeldReaction> held;
    private SignalWindows windows;
    /** Per horizon (its index in {@link #horizons}): the release point, skipped when quiet. */
    private IdleSources idle;

    public OverallSignalQualityProcessor(TopologySettings settings, PipelineMetrics metrics) {
        this.settings = settings;
        this.metrics = metrics;
        this.horizons = settings.reactions().horizons().stream().map(Span::label).toList();
    }

    @Override
    public void init(ProcessorContext<String, SignalQuality> context) {
        super.init(context);
        watermarks = context.getStateStore(StoreNames.REACTION_COMPLETIONS);
        held = new TimeIndex<>(context.getStateStore(StoreNames.SIGNAL_HELD_ALL));
        windows = new SignalWindows(context.getStateStore(StoreNames.SIGNAL_OBSERVATIONS_ALL), settings);
        idle = IdleSources.of(PipelineMetrics.WATERMARK_STAGE_SIGNAL_ALL, settings, context::currentSystemTimeMs,
                metrics);
        IdleSources.scheduleChecks(context, settings, this::releaseIfIdle);
    }

    /**
     * The liveness escape ({@code watermark.idle.timeout}, wall clock): a horizon whose release point has not moved
     * for the timeout while reactions are held gives them all out, in order; one that arrives later with an earlier
     * due time is then taken when it comes. The one non-deterministic case, as for the other watermarks.
     */
    private void releaseIfIdle() {
        boolean holding = false;
        for (String horizon : horizons) {
            holding |= held.earliestAtOrAfter(horizon, 0).isPresent();
        }
        idle.holding(holding);
        for (int i = 0; holding && i < horizons.size(); i++) {
            String horizon = horizons.get(i);
            Long released = watermarks.get(RELEASED + horizon);
            if (idle.skip(i, released == null ? Long.MIN_VALUE : released)) {
                for (Record<String, SignalQuality> record : release(horizon, Long.MAX_VALUE)) {
                    context.forward(record);
                }
            }
        }
    }

    @Override
    protected void handle(Record<String, Watermarked<MarketReaction>> record, Output<SignalQuality> out) {
        if (record.value() instanceof Watermarked.Value<MarketReaction> value) {
            hold(value.value());
            return;
        }
        // key partition|horizon: that market task's completion watermark of that horizon
        String[] source = record.key().split("\\|", 2);
        String horizon = source[1];
        String key = SOURCE + horizon + "|" + Integer.parseInt(source[0]);
        Long before = watermarks.get(key);
        if (before == null || record.timestamp() > before) {
            watermarks.put(key, record.timestamp());
        }
        long through = lowest(horizon);
        Long released = watermarks.get(RELEASED + horizon);
        if (released == null || through > released) {
            watermarks.put(RELEASED + horizon, through);
            idle.moved(horizons.indexOf(horizon));
            release(horizon, through).forEach(out::emit);
        }
    }

    private void hold(MarketReaction r) {
        Double car = SignalQualityProcessor.scoredCar(r, settings.analytics().signalMinRelevance());
        if (car == null) {
            return;
        }
        long published = r.getPublishedAt().toEpochMilli();
        HeldReaction reaction = new HeldReaction(r.getTicker(), r.getHorizonLabel(), r.getHorizonMs(),
                new SignalObservation(r.getArticleId(), published, r.getSentiment(), car));
        held.put(reaction.horizonLabel(), published, reaction.id(), reaction);
    }

    /**
     * The lowest completion watermark of the horizon over the partitions ({@code topic.partitions}, or more once
     * seen); MIN_VALUE while one has sent none.
     */
    private long lowest(String horizon) {
        int count = settings.watermarks().topicPartitions();
        String prefix = SOURCE + horizon + "|";
        List<Long> known = new ArrayList<>();
        try (KeyValueIterator<String, Long> it = watermarks.range(prefix, prefix + "\uffff")) {
            while (it.hasNext()) {
                KeyValue<String, Long> kv = it.next();
                known.add(kv.value);
                count = Math.max(count, Integer.parseInt(kv.key.substring(prefix.length())) + 1);
            }
        }
        return known.size() < count ? Long.MIN_VALUE : known.stream().mapToLong(Long::longValue).min().orElseThrow();
    }

    /** The records of the horizon's held reactions due at or before {@code through}, by publication, article id, ticker. */
    private List<Record<String, SignalQuality>> release(String horizon, long through) {
        List<TimeIndex.Entry<HeldReaction>> due = new ArrayList<>();
        for (TimeIndex.Entry<HeldReaction> entry : held.range(horizon, 0, TimeIndex.MAX_TIME)) {
            if (entry.value().dueAt() > through) {
                break; // by publication, so by due time within a horizon
            }
            due.add(entry);
        }
        List<Record<String, SignalQuality>> records = new ArrayList<>();
        for (TimeIndex.Entry<HeldReaction> entry : due) {
            held.delete(entry.key());
            records.add(record(entry.value()));
        }
        return records;
    }

    private Record<String, SignalQuality> record(HeldReaction reaction) {
        String group = SignalQualityProcessor.outputKey(ALL_TICKERS, reaction.horizonLabel());
        SignalObservation newest = reaction.observation();
        SignalSummary s = windows.add(group, reaction.id(), newest);
        metrics.signalQuality(ALL_TICKERS, reaction.horizonLabel(), s.count(), s.hitRate(), s.informationCoefficient(),
                s.meanCarPositive(), s.meanCarNegative());
        return new Record<>(group, s.toRecord(ALL_TICKERS, reaction.horizonLabel(), reaction.horizonMs(),
                newest.publishedAt(), newest.articleId()), reaction.dueAt());
    }
}
