package io.newsflow.topology.sentiment;

import io.newsflow.avro.DecayedSentiment;
import io.newsflow.avro.ScoredArticle;
import io.newsflow.metrics.PipelineMetrics;
import io.newsflow.topology.AnalyticsSettings;
import io.newsflow.topology.StoreNames;
import io.newsflow.topology.TopologySettings;
import io.newsflow.topology.dlq.GuardedProcessor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Each ticker's exponentially decayed sentiment ({@link DecayingScore}), in the news task next to
 * rolling sentiment, on the scores as they are made (weight as rolling sentiment's: novelty x
 * relevance x confidence factor, so a near-duplicate adds next to nothing).
 *
 * <p>Emission, at most once per {@code sentiment.decay.bucket} of the news stream time per ticker:
 * an article's ticker is emitted at once when it has no record in the current bucket yet, else at
 * the next bucket boundary; when the stream time crosses a boundary, every ticker still above
 * {@code sentiment.decay.floor} (or with an article not yet emitted) is emitted as of that boundary,
 * so a dashboard sees it fade between its articles. A ticker that has faded is emitted once more
 * and then forgotten. Stream time is the news task's (it sees every article, in event-time order
 * from the novelty funnel), so the records do not depend on the pace of the input.
 */
public class DecayedSentimentProcessor extends GuardedProcessor<ScoredArticle, DecayedSentiment> {

    /** The state stores this step uses (TopologyStores connects the step to them). */
    public static final List<String> STORES = List.of(StoreNames.DECAYED_SENTIMENT);

    /** The store key of the sweep's own state (no ticker is empty). */
    private static final String SWEEP = "";

    /** A ticker's score and what has been emitted of it; under {@link #SWEEP}, the last boundary swept. */
    public record Entry(DecayingScore score, long emittedBucket, boolean pending) {
    }

    private final AnalyticsSettings settings;
    private final PipelineMetrics metrics;
    private KeyValueStore<String, Entry> store;

    public DecayedSentimentProcessor(TopologySettings settings, PipelineMetrics metrics) {
        this.settings = settings.analytics();
        this.metrics = metrics;
    }


    @Override
    public void init(ProcessorContext<String, DecayedSentiment> context) {
        super.init(context);
        store = context.getStateStore(StoreNames.DECAYED_SENTIMENT);
    }

    @Override
    protected void handle(Record<String, ScoredArticle> record, Output<DecayedSentiment> out) {
        ScoredArticle article = record.value();
        String ticker = article.getTicker();
        if (ticker == null) {
            return;
        }
        long published = article.getPublishedAt().toEpochMilli();
        Entry sweep = store.get(SWEEP);
        long streamTime = Math.max(published, sweep == null ? Long.MIN_VALUE : sweep.score().asOf());
        long bucket = Math.floorDiv(streamTime, settings.decayBucket().millis()) * settings.decayBucket().millis();
        if (sweep == null || bucket > sweep.emittedBucket()) {
            sweepTo(bucket, ticker, out);
        }
        store.put(SWEEP, new Entry(DecayingScore.none(streamTime), bucket, false));

        Entry previous = store.get(ticker);
        DecayingScore score = (previous == null ? DecayingScore.none(published) : previous.score())
                .add(published, article.getSentiment(), Contributions.weight(article), halfLife());
        if (previous == null || previous.emittedBucket() < bucket) {
            emit(ticker, score, out);
            store.put(ticker, new Entry(score, bucket, false));
        } else {
            store.put(ticker, new Entry(score, previous.emittedBucket(), true));
        }
    }

    /** Every live ticker but {@code current} (emitted right after, with its article) as of {@code boundary}. */
    private void sweepTo(long boundary, String current, Output<DecayedSentiment> out) {
        List<KeyValue<String, Entry>> live = new ArrayList<>();
        try (KeyValueIterator<String, Entry> it = store.all()) {
            it.forEachRemaining(live::add);
        }
        for (KeyValue<String, Entry> kv : live) {
            if (kv.key.equals(SWEEP) || kv.key.equals(current) || kv.value.emittedBucket() >= boundary) {
                continue;
            }
            DecayingScore score = kv.value.score().at(boundary, halfLife());
            emit(kv.key, score, out);
            if (faded(score)) {
                store.delete(kv.key);
            } else {
                store.put(kv.key, new Entry(score, boundary, false));
            }
        }
    }

    private boolean faded(DecayingScore score) {
        return Math.abs(score.score()) < settings.decayFloor() && score.weight() < settings.decayFloor();
    }

    private void emit(String ticker, DecayingScore score, Output<DecayedSentiment> out) {
        metrics.sentimentDecayed(ticker, score.score());
        out.emit(ticker, DecayedSentiment.newBuilder()
                .setTicker(ticker)
                .setAsOf(Instant.ofEpochMilli(score.asOf()))
                .setScore(score.score())
                .setWeight(score.weight())
                .setMeanSentiment(Math.max(-1.0, Math.min(1.0, score.mean())))
                .setHalfLifeMs(halfLife())
                .setLastArticleAt(Instant.ofEpochMilli(score.lastArticleAt()))
                .build(), score.asOf());
    }

    private long halfLife() {
        return settings.decayHalfLife().millis();
    }
}
