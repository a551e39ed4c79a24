package io.newsflow.topology.sentiment;

import io.newsflow.avro.ScoredArticle;
import io.newsflow.avro.SentimentRolling;
import io.newsflow.metrics.PipelineMetrics;
import io.newsflow.topology.StoreNames;
import io.newsflow.topology.TopologySettings;
import io.newsflow.topology.dlq.DeadLetterReason;
import io.newsflow.topology.dlq.GuardedProcessor;
import io.newsflow.topology.state.TimeIndex;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Rolling sentiment per ticker over hopping windows (one per configured size), from the scored
 * articles as the news task makes them: one Kafka hop from the article, not two (reading the scores
 * back by ticker would add one). The news task sees every article, so its stream time is the news
 * stream's.
 *
 * <p>Emission: one record per window size per article, for the newest window as of the ticker's
 * latest article (see {@link SentimentWindow}), instead of one per overlapping hop (60 for 1h/1m,
 * 1440 for 24h/1m). An article older than that window changes only older windows, which are not
 * re-emitted.
 *
 * <p>Late records: an article published before {@code observed stream time - largest window -
 * grace} could no longer change any open window; a windowed aggregation would drop it silently,
 * here it goes to the dead letters as {@link DeadLetterReason#LATE_RECORD}.
 */
public class RollingSentimentProcessor extends GuardedProcessor<ScoredArticle, SentimentRolling> {

    /** The state stores this step uses (TopologyStores connects the step to them). */
    public static final List<String> STORES = List.of(StoreNames.NEWS_SENTIMENT_CONTRIBUTIONS,
            StoreNames.NEWS_STREAM_TIMES);

    private final TopologySettings settings;
    private final List<SentimentWindow> windows;
    private final PipelineMetrics metrics;
    private Contributions contributions;

    public RollingSentimentProcessor(TopologySettings settings, PipelineMetrics metrics) {
        this.settings = settings;
        this.metrics = metrics;
        long advance = settings.sentiment().advance().millis();
        long baseline = settings.sentiment().baseline().millis();
        this.windows = settings.sentiment().windows().stream()
                .map(size -> new SentimentWindow(size, advance, baseline, settings.sentiment().neutralBand()))
                .toList();
    }

    /** Output key: ticker|window. */
    public static String outputKey(String ticker, String windowLabel) {
        return ticker + "|" + windowLabel;
    }


    @Override
    public void init(ProcessorContext<String, SentimentRolling> context) {
        super.init(context);
        contributions = new Contributions(context.getStateStore(StoreNames.NEWS_SENTIMENT_CONTRIBUTIONS),
                context.getStateStore(StoreNames.NEWS_STREAM_TIMES), settings);
    }

    @Override
    protected void handle(Record<String, ScoredArticle> record, Output<SentimentRolling> out) {
        ScoredArticle article = record.value();
        String ticker = article.getTicker();
        if (ticker == null) { // an entity without a ticker has no rolling sentiment
            return;
        }
        long published = article.getPublishedAt().toEpochMilli();
        long tickerTime = contributions.index().latest(ticker).map(TimeIndex.Entry::time).orElse(published);
        Contributions.Outcome recorded = contributions.record(article);
        if (recorded.late()) {
            out.deadLetter(DeadLetterReason.LATE_RECORD, "article " + article.getArticleId() + " published "
                    + article.getPublishedAt() + " is older than stream time "
                    + Instant.ofEpochMilli(recorded.streamTime()) + " minus the largest window and the grace period");
            return;
        }
        long asOf = Math.max(tickerTime, published);

        for (SentimentWindow window : windows) {
            if (published < window.startAsOf(asOf)) {
                continue; // only older windows changed; the newest one is as it was
            }
            SentimentRolling rolling = window.aggregate(ticker, asOf, contributions.index());
            String label = window.size().label();
            metrics.sentimentRolling(ticker, label, rolling.getNoveltyWeightedSentiment(), rolling.getBuzz(),
                    rolling.getArticleCount());
            out.emit(outputKey(ticker, label), rolling, asOf);
        }
    }

}
