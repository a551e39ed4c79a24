package io.newsflow.topology;

import io.newsflow.config.AppConfig;
import io.newsflow.topology.market.study.Benchmarks;
import io.newsflow.topology.market.study.EventStudy;

/**
 * The tunables of the quant aggregates (issue 23): the event study of each reaction, the quality of
 * the news signal and the decayed sentiment. Their keys, defaults and reasons are defined once, in
 * {@code NewsflowConfigDef} (group "Event study, signal quality and decayed sentiment").
 *
 * @param benchmarks          {@code reaction.benchmark} and {@code reaction.benchmarks}: each ticker's benchmark
 * @param modelBar            {@code reaction.model.bar} length of the bars returns are sampled on
 * @param modelWindow         {@code reaction.model.window} estimation window
 * @param modelGap            {@code reaction.model.gap} between the end of the estimation window and publication
 * @param modelMinObservations {@code reaction.model.min.observations} estimation bars the market model needs
 * @param modelSignificance   {@code reaction.model.significance} two-sided test level
 * @param signalWindow        {@code reaction.signal.window} time bound of the signal-quality window
 * @param signalMaxArticles   {@code reaction.signal.max.articles} count bound of that window
 * @param signalMinRelevance  {@code reaction.signal.min.relevance} articles less relevant are left out
 * @param decayHalfLife       {@code sentiment.decay.half.life}
 * @param decayBucket         {@code sentiment.decay.bucket} at most one record per ticker per bucket of stream time
 * @param decayFloor          {@code sentiment.decay.floor} a ticker whose |score| and weight fell below it is no longer emitted
 */
public record AnalyticsSettings(Benchmarks benchmarks, Span modelBar, Span modelWindow, Span modelGap,
        int modelMinObservations, double modelSignificance, Span signalWindow, int signalMaxArticles,
        double signalMinRelevance, Span decayHalfLife, Span decayBucket, double decayFloor) {

    public AnalyticsSettings {
        if (modelBar.millis() <= 0 || modelWindow.millis() < modelBar.millis()) {
            throw new IllegalArgumentException("reaction.model.bar must be positive and reaction.model.window at least one bar");
        }
        if (decayHalfLife.millis() <= 0 || decayBucket.millis() <= 0) {
            throw new IllegalArgumentException("sentiment.decay.half.life and sentiment.decay.bucket must be positive");
        }
    }

    static AnalyticsSettings from(AppConfig c) {
        return new AnalyticsSettings(
                new Benchmarks(c.getString("reaction.benchmark"), c.getList("reaction.benchmarks")),
                Span.parse(c.getString("reaction.model.bar")),
                Span.parse(c.getString("reaction.model.window")),
                Span.parse(c.getString("reaction.model.gap")),
                c.getInt("reaction.model.min.observations"),
                c.getDouble("reaction.model.significance"),
                Span.parse(c.getString("reaction.signal.window")),
                c.getInt("reaction.signal.max.articles"),
                c.getDouble("reaction.signal.min.relevance"),
                Span.parse(c.getString("sentiment.decay.half.life")),
                Span.parse(c.getString("sentiment.decay.bucket")),
                c.getDouble("sentiment.decay.floor"));
    }

    public EventStudy eventStudy() {
        return new EventStudy(modelMinObservations, modelSignificance);
    }

    /** How far before publication the estimation window starts: tick history must reach back that far. */
    public long lookBackMs() {
        return modelGap.millis() + modelWindow.millis();
    }
}
