package io.newsflow.topology.signal;

import io.newsflow.avro.MarketReaction;
import io.newsflow.avro.SignalQuality;
import io.newsflow.metrics.PipelineMetrics;
import io.newsflow.topology.StoreNames;
import io.newsflow.topology.TopologySettings;
import io.newsflow.topology.dlq.DeadLetters;
import io.newsflow.topology.dlq.GuardedProcessor;
import io.newsflow.topology.dlq.Routed;
import io.newsflow.topology.state.TimeIndex;
import io.newsflow.topology.watermark.Watermarked;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The quality of the news signal over all tickers, per horizon ({@link SignalStatistics}, as per ticker), in one
 * task: every market task sends it its completed reactions and its reactions' completion watermark
 * ({@code reaction-completions}, one partition; the watermark's key is the sending task's partition, its time the
 * record's timestamp, {@link io.newsflow.topology.market.ReactionTracker#completeThrough}).
 *
 * <p>Deterministic: a reaction is held until every partition's completion watermark has passed its due time
 * ({@code publishedAt + horizon}); by then every reaction due at or before it, from every partition, is in. Held
 * reactions are then taken in order of publication, then article id and ticker, whatever order they arrived in,
 * and each scored one gives one {@link SignalQuality} of ticker {@link #ALL_TICKERS}, keyed {@code *|horizon}: the
 * window as of its article, over every ticker's scored reactions (relevance and duplicates as per ticker).
 * The all-tickers figures therefore come as late as the slowest partition's watermark: the news watermark plus
 * the shortest horizon, and the oldest reaction still waiting for its ticks.
 */
public final class OverallSignalQualityProcessor extends GuardedProcessor<Watermarked<MarketReaction>, SignalQuality> {

    /** The ticker of the all-tickers records, their key's first part and their metrics' {@code ticker} label. */
    public static final String ALL_TICKERS = PipelineMetrics.ALL_TICKERS;
    /** The state stores this step uses (TopologyStores connects the step to them). */
    public static final List<String> STORES = List.of(StoreNames.REACTION_COMPLETIONS, StoreNames.SIGNAL_HELD_ALL,
            StoreNames.SIGNAL_OBSERVATIONS_ALL);

    private static final String SOURCE = "source-";
    private static final String RELEASED = "released";

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
    private final SignalStatistics statistics;
    private final PipelineMetrics metrics;
    private KeyValueStore<String, Long> watermarks;
    private KeyValueStore<String, HeldReaction> heldStore;
    private TimeIndex<HeldReaction> held;
    private TimeIndex<SignalObservation> observations;

    public OverallSignalQualityProcessor(TopologySettings settings, PipelineMetrics metrics, DeadLetters deadLetters,
            Serializer<Watermarked<MarketReaction>> payloadSerializer) {
        super(deadLetters, payloadSerializer);
        this.settings = settings;
        this.metrics = metrics;
        this.statistics = new SignalStatistics(settings.sentiment().neutralBand(),
                settings.analytics().signalWindow().millis(), settings.analytics().signalMaxArticles());
    }

    @Override
    public void init(ProcessorContext<String, Routed<SignalQuality>> context) {
        super.init(context);
        watermarks = context.getStateStore(StoreNames.REACTION_COMPLETIONS);
        heldStore = context.getStateStore(StoreNames.SIGNAL_HELD_ALL);
        held = new TimeIndex<>(heldStore);
        observations = new TimeIndex<>(context.getStateStore(StoreNames.SIGNAL_OBSERVATIONS_ALL));
    }

    @Override
    protected void handle(Record<String, Watermarked<MarketReaction>> record, Output<SignalQuality> out) {
        if (record.value() instanceof Watermarked.Value<MarketReaction> value) {
            hold(value.value());
            return;
        }
        int source = Integer.parseInt(record.key());
        Long before = watermarks.get(SOURCE + source);
        if (before == null || record.timestamp() > before) {
            watermarks.put(SOURCE + source, record.timestamp());
        }
        long through = lowest();
        Long released = watermarks.get(RELEASED);
        if (released == null || through > released) {
            watermarks.put(RELEASED, through);
            release(through, out);
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

    /** The lowest completion watermark over the partitions ({@code topic.partitions}, or more once seen); MIN_VALUE while one has sent none. */
    private long lowest() {
        int count = settings.watermarks().topicPartitions();
        List<Long> known = new ArrayList<>();
        try (KeyValueIterator<String, Long> it = watermarks.range(SOURCE, SOURCE + "\uffff")) {
            while (it.hasNext()) {
                KeyValue<String, Long> kv = it.next();
                known.add(kv.value);
                count = Math.max(count, Integer.parseInt(kv.key.substring(SOURCE.length())) + 1);
            }
        }
        return known.size() < count ? Long.MIN_VALUE : known.stream().mapToLong(Long::longValue).min().orElseThrow();
    }

    /** Every held reaction due at or before {@code through}, by horizon, then publication, article id and ticker. */
    private void release(long through, Output<SignalQuality> out) {
        List<TimeIndex.Entry<HeldReaction>> due = new ArrayList<>();
        try (KeyValueIterator<String, HeldReaction> it = heldStore.all()) {
            while (it.hasNext()) {
                KeyValue<String, HeldReaction> kv = it.next();
                if (kv.value.dueAt() <= through) {
                    due.add(new TimeIndex.Entry<>(kv.key, kv.value.observation().publishedAt(), kv.value));
                }
            }
        }
        for (TimeIndex.Entry<HeldReaction> entry : due) {
            held.delete(entry.key());
            emit(entry.value(), out);
        }
    }

    private void emit(HeldReaction reaction, Output<SignalQuality> out) {
        String group = SignalQualityProcessor.outputKey(ALL_TICKERS, reaction.horizonLabel());
        SignalObservation newest = reaction.observation();
        long published = newest.publishedAt();
        observations.put(group, published, reaction.id(), newest);
        long windowMs = settings.analytics().signalWindow().millis();
        List<SignalObservation> candidates = observations.range(group, Math.max(0, published - windowMs + 1), published)
                .stream().map(TimeIndex.Entry::value).toList();
        SignalSummary s = statistics.summarize(statistics.window(candidates, newest));
        observations.deleteBefore(group, published - windowMs + 1);
        metrics.signalQuality(ALL_TICKERS, reaction.horizonLabel(), s.count(), s.hitRate(), s.informationCoefficient(),
                s.meanCarPositive(), s.meanCarNegative());
        out.emit(group, SignalQuality.newBuilder()
                .setTicker(ALL_TICKERS)
                .setHorizonLabel(reaction.horizonLabel())
                .setHorizonMs(reaction.horizonMs())
                .setAsOf(Instant.ofEpochMilli(published))
                .setLastArticleId(newest.articleId())
                .setArticleCount(s.count())
                .setPositiveCount(s.positive())
                .setNegativeCount(s.negative())
                .setMeanCarPositive(s.meanCarPositive())
                .setMeanCarNegative(s.meanCarNegative())
                .setHitRate(s.hitRate())
                .setInformationCoefficient(s.informationCoefficient())
                .build(), reaction.dueAt());
    }
}
