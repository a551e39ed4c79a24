package io.newsflow.topology.sentiment;

import io.newsflow.avro.ScoredArticle;
import io.newsflow.topology.StoreNames;
import io.newsflow.topology.TopologySettings;
import io.newsflow.topology.dlq.DeadLetters;
import io.newsflow.topology.dlq.GuardedProcessor;
import io.newsflow.topology.dlq.Routed;
import java.util.List;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Keeps the ticker tasks' copy of the sentiment contributions, from the scores read back by
 * ticker: price-move alerts and the credit view read a ticker's recent news next to its ticks.
 * Emits nothing; the rolling-sentiment output is computed where the scores are made
 * ({@link RollingSentimentProcessor}), one Kafka hop earlier.
 */
public class ContributionRecorder extends GuardedProcessor<ScoredArticle, Void> {

    /** The state stores this step uses (TopologyStores connects the step to them). */
    public static final List<String> STORES = List.of(StoreNames.SENTIMENT_CONTRIBUTIONS, StoreNames.STREAM_TIMES);

    private final TopologySettings settings;
    private Contributions contributions;

    public ContributionRecorder(TopologySettings settings, DeadLetters deadLetters,
            Serializer<ScoredArticle> payloadSerializer) {
        super(deadLetters, payloadSerializer);
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<String, Routed<Void>> context) {
        super.init(context);
        contributions = new Contributions(context.getStateStore(StoreNames.SENTIMENT_CONTRIBUTIONS),
                context.getStateStore(StoreNames.STREAM_TIMES), settings);
    }

    @Override
    protected void handle(Record<String, ScoredArticle> record, Output<Void> out) {
        // lateness is judged against this task's stream time, which never runs ahead of the news task's:
        // the rolling sentiment has dead-lettered every article found late here (not always the reverse)
        contributions.record(record.value());
    }
}
