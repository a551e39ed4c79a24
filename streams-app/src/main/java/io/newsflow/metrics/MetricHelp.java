package io.newsflow.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import java.util.Map;
import java.util.Optional;

/**
 * The HELP text of every newsflow metric, in one place (the meaning column of docs/metrics.md, in
 * short): a {@link MeterFilter} gives it to a meter registered without a description, so Prometheus
 * shows it as {@code # HELP}. A metric added without a line here fails {@code MetricHelpTest}.
 */
public final class MetricHelp {

    private static final Map<String, String> HELP = Map.ofEntries(
            Map.entry("newsflow.sentiment.rolling",
                    "Latest novelty-weighted mean sentiment in [-1, 1] of the newest window"),
            Map.entry("newsflow.sentiment.buzz.ratio", "Article count of the newest window over its trailing baseline"),
            Map.entry("newsflow.sentiment.window.articles", "Distinct articles in the newest sentiment window"),
            Map.entry("newsflow.articles.scored", "Article x ticker records scored (novel and repeat)"),
            Map.entry("newsflow.articles.duplicate", "Articles detected as (near-)duplicates of earlier ones"),
            Map.entry("newsflow.price.last", "Last trade price of a tracked symbol, major currency units"),
            Map.entry("newsflow.price.return.ratio", "Return of a tracked symbol over the trailing window (fraction)"),
            Map.entry("newsflow.market.reaction.return.ratio",
                    "Return after the ticker's latest article at the horizon (fraction)"),
            Map.entry("newsflow.market.reaction.abnormal.return.ratio",
                    "Return after the latest article minus the benchmark's (fraction)"),
            Map.entry("newsflow.bond.order.book", "Bond deal order book size, whole currency units"),
            Map.entry("newsflow.bond.target.size", "Bond deal target (or final) size, whole currency units"),
            Map.entry("newsflow.bond.oversubscription.ratio", "Bond deal order book over target size"),
            Map.entry("newsflow.bond.spread.ratio", "Current headline spread guidance as a fraction (125 bp = 0.0125)"),
            Map.entry("newsflow.bond.spread.tightening.ratio",
                    "Initial minus current spread guidance as a fraction (25 bp = 0.0025)"),
            Map.entry("newsflow.credit.equity.divergence", "1 while bond demand and equity reaction diverge, else 0"),
            Map.entry("newsflow.alerts", "Sharp-move alerts emitted"),
            Map.entry("newsflow.dead.letters", "Records sent to the dead-letter topic, by reason"),
            Map.entry("newsflow.records.skipped", "Records neither written nor dead-lettered, by reason"),
            Map.entry("newsflow.watermark.idle.skips",
                    "Times a step waiting for watermarks stopped waiting for a quiet source"),
            Map.entry("newsflow.records.processed", "Input records processed, by stream"),
            Map.entry("newsflow.end.to.end.lag", "Event time to processing wall-clock time"),
            Map.entry("newsflow.market.reaction.car.ratio",
                    "Cumulative abnormal return after the ticker's latest article at the horizon (fraction)"),
            Map.entry("newsflow.market.reaction.scar",
                    "Standardised CAR (t statistic) after the ticker's latest article at the horizon; market model only"),
            Map.entry("newsflow.market.reactions", "Market reactions completed, by horizon, return model and significance"),
            Map.entry("newsflow.signal.hit.ratio",
                    "Share of polar articles whose CAR had the sentiment's sign, over the signal-quality window"),
            Map.entry("newsflow.signal.information.coefficient",
                    "Spearman rank correlation of sentiment and CAR over the signal-quality window"),
            Map.entry("newsflow.signal.articles", "Scored articles in the signal-quality window"),
            Map.entry("newsflow.signal.mean.car.ratio",
                    "Mean CAR after positive or negative articles over the signal-quality window (fraction)"),
            Map.entry("newsflow.sentiment.decayed",
                    "Exponentially decayed sentiment of the ticker (weighted sentiment halving every half-life)"));

    private MetricHelp() {
    }

    /** The HELP text of a newsflow metric (its Micrometer name), if it has one. */
    public static Optional<String> of(String name) {
        return Optional.ofNullable(HELP.get(name));
    }

    /** Fills in the description of meters registered without one. */
    public static MeterFilter filter() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                if (id.getDescription() != null) {
                    return id;
                }
                String help = HELP.get(id.getName());
                return help == null ? id
                        : new Meter.Id(id.getName(), io.micrometer.core.instrument.Tags.of(id.getTagsAsIterable()),
                                id.getBaseUnit(), help, id.getType());
            }
        };
    }
}
