package io.newsflow.topology.sentiment;

import io.newsflow.avro.ScoredArticle;
import io.newsflow.topology.StoreNames;
import io.newsflow.topology.TopologySettings;
import io.newsflow.topology.dlq.DeadLetters;
import io.newsflow.topology.dlq.GuardedProcessor;
import io.newsflow.topology.dlq.Routed;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the ticker tasks' copy of the sentiment contributions, from the scores read back by
 * ticker: price-move alerts and the credit view read a ticker's recent news next to its ticks.
 * Emits nothing; the rolling-sentiment output is computed where the scores are made
 * ({@link RollingSentimentProcessor}), one Kafka hop earlier.
 */
public class ContributionRecorder extends GuardedProcessor<ScoredArticle, Void> {

    private static final String STREAM_TIME_KEY = "scored-articles";

    private final TopologySettings settings;
    private Contributions contributions;
    private KeyValueStore<String, Long> streamTimes;

    public ContributionRecorder(TopologySettings settings, DeadLetters deadLetters,
            Serializer<ScoredArticle> payloadSerializer) {
        super(deadLetters, payloadSerializer);
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<String, Routed<Void>> context) {
        super.init(context);
        contributions = new Contributions(context.getStateStore(StoreNames.SENTIMENT_CONTRIBUTIONS), settings);
        streamTimes = context.getStateStore(StoreNames.STREAM_TIMES);
    }

    @Override
    protected void handle(Record<String, ScoredArticle> record, Output<Void> out) {
        ScoredArticle article = record.value();
        long published = article.getPublishedAt().toEpochMilli();
        Long seen = streamTimes.get(STREAM_TIME_KEY);
        long streamTime = seen == null ? published : Math.max(seen, published);
        if (contributions.isLate(published, streamTime)) {
            return; // the rolling sentiment dead-lettered it; it counts nowhere
        }
        streamTimes.put(STREAM_TIME_KEY, streamTime);
        contributions.record(article, streamTime);
    }
}
