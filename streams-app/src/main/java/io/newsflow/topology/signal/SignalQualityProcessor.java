package io.newsflow.topology.signal;

import io.newsflow.avro.MarketReaction;
import io.newsflow.avro.SignalQuality;
import io.newsflow.metrics.PipelineMetrics;
import io.newsflow.topology.StoreNames;
import io.newsflow.topology.TopologySettings;
import io.newsflow.topology.dlq.GuardedProcessor;
import java.util.List;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The quality of the news signal per ticker and horizon ({@link SignalStatistics}), from the
 * completed reactions as {@code analytics.market-reaction} holds them (keyed by ticker, so a
 * ticker's reactions meet in one task): one {@link SignalQuality} per scored reaction.
 *
 * <p>Scored: a reaction with a cumulative abnormal return (the event study's CAR; for reactions
 * written before it, the abnormal return), whose article is at least
 * {@code reaction.signal.min.relevance} relevant to the ticker (unknown relevance counts). Near-
 * duplicates never get a reaction (the reaction step skips them), so a story counts once.
 *
 * <p>Each record covers the reactions published up to its own article (by publication, then id)
 * within the window, so that it does not depend on the order in which reactions of earlier
 * articles were written.
 */
public class SignalQualityProcessor extends GuardedProcessor<MarketReaction, SignalQuality> {

    /** The state stores this step uses (TopologyStores connects the step to them). */
    public static final List<String> STORES = List.of(StoreNames.SIGNAL_OBSERVATIONS);

    private final TopologySettings settings;
    private final PipelineMetrics metrics;
    private SignalWindows windows;

    public SignalQualityProcessor(TopologySettings settings, PipelineMetrics metrics) {
        this.settings = settings;
        this.metrics = metrics;
    }

    /** Output key: ticker|horizon. */
    public static String outputKey(String ticker, String horizonLabel) {
        return ticker + "|" + horizonLabel;
    }

    @Override
    public void init(ProcessorContext<String, SignalQuality> context) {
        super.init(context);
        windows = new SignalWindows(context.getStateStore(StoreNames.SIGNAL_OBSERVATIONS), settings);
    }

    /** The CAR a reaction is scored by; null when it is not scored. */
    static Double scoredCar(MarketReaction r, double minRelevance) {
        if (r.getRelevance() != null && r.getRelevance() < minRelevance) {
            return null;
        }
        return r.getCumulativeAbnormalReturn() != null ? r.getCumulativeAbnormalReturn()
                : r.getReturnModel() == null ? r.getAbnormalReturn() : null;
    }

    @Override
    protected void handle(Record<String, MarketReaction> record, Output<SignalQuality> out) {
        MarketReaction r = record.value();
        Double car = scoredCar(r, settings.analytics().signalMinRelevance());
        if (car == null) {
            return;
        }
        String group = outputKey(r.getTicker(), r.getHorizonLabel());
        long published = r.getPublishedAt().toEpochMilli();
        SignalSummary s = windows.add(group, r.getArticleId(),
                new SignalObservation(r.getArticleId(), published, r.getSentiment(), car));
        metrics.signalQuality(r.getTicker(), r.getHorizonLabel(), s.count(), s.hitRate(), s.informationCoefficient(),
                s.meanCarPositive(), s.meanCarNegative());
        out.emit(group, s.toRecord(r.getTicker(), r.getHorizonLabel(), r.getHorizonMs(), published, r.getArticleId()),
                record.timestamp());
    }
}
