package io.newsflow.topology.market.study;

import io.newsflow.avro.MarketReaction;
import io.newsflow.topology.AnalyticsSettings;
import io.newsflow.topology.market.PriceSeries;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The event study of one reaction over the tick histories: estimation bars over
 * {@code reaction.model.window} ending {@code reaction.model.gap} before publication, the horizon's
 * bars, and the measure ({@link EventStudy}); then its fields on the reaction. The one place the
 * reaction step calls into the study, so that re-wiring the reactions moves one call.
 */
public final class ReactionStudy {

    /** Estimation windows recently sampled (an article's horizons share theirs), by ticker|benchmark|publication. */
    private static final int CACHED_WINDOWS = 256;

    private final AnalyticsSettings settings;
    private final EventStudy study;
    private final Map<String, List<BarReturn>> estimations = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<BarReturn>> eldest) {
            return size() > CACHED_WINDOWS;
        }
    };

    public ReactionStudy(AnalyticsSettings settings) {
        this.settings = settings;
        this.study = settings.eventStudy();
    }

    /**
     * @param stockReturn  the ticker's holding-period return over the horizon
     * @param marketReturn the benchmark's, null when it has no price
     */
    public EventStudyResult measure(PriceSeries ticks, String ticker, PriceSeries benchmarkTicks, String benchmark,
            long publishedAt, long horizonMs, double stockReturn, Double marketReturn) {
        long bar = settings.modelBar().millis();
        long estimationEnd = publishedAt - settings.modelGap().millis();
        PriceSeries stock = new MemoPriceSeries(ticks);
        PriceSeries market = new MemoPriceSeries(benchmarkTicks);
        // the window ends before publication: its ticks are all in by the time any horizon completes
        List<BarReturn> estimation = estimations.computeIfAbsent(ticker + "|" + benchmark + "|" + publishedAt,
                k -> Bars.estimation(stock, ticker, market, benchmark, estimationEnd, settings.modelWindow().millis(), bar));
        return study.measure(estimation, Bars.event(stock, ticker, market, benchmark, publishedAt, horizonMs, bar),
                stockReturn, marketReturn);
    }

    /** The study's fields on a reaction being built. */
    public static MarketReaction.Builder describe(MarketReaction.Builder reaction, EventStudyResult r) {
        return reaction
                .setReturnModel(r.model().name())
                .setAlpha(r.alpha())
                .setBeta(r.beta())
                .setEstimationBars(r.observations())
                .setEventBars(r.eventBars())
                .setExpectedReturn(r.expectedReturn())
                .setAbnormalReturn(r.abnormalReturn())
                .setCumulativeAbnormalReturn(r.car())
                .setStandardizedCar(r.scar())
                .setPValue(r.pValue())
                .setSignificant(r.significant());
    }
}
