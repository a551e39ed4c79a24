package io.newsflow.topology.market.study;

import java.util.List;
import java.util.Optional;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Measures a reaction as an event study (MacKinlay 1997, "Event Studies in Economics and Finance",
 * Journal of Economic Literature 35(1)): the market model fitted over the estimation window's bars,
 * the abnormal returns of the horizon's bars, their sum (CAR), and the CAR standardised by its
 * standard deviation under the model, tested against Student's t with {@code n - 2} degrees of
 * freedom. With fewer than {@code minObservations} estimation bars the model is not trusted: the
 * expected return is the benchmark's (market-adjusted returns, beta 1) and there is no test.
 */
public final class EventStudy {

    private final int minObservations;
    private final double significance;

    /**
     * @param minObservations estimation bars needed to use the market model (at least 3)
     * @param significance    two-sided level below which a p-value is significant, in (0, 1)
     */
    public EventStudy(int minObservations, double significance) {
        if (minObservations < 3) {
            throw new IllegalArgumentException("the market model needs at least 3 estimation bars");
        }
        if (!(significance > 0 && significance < 1)) {
            throw new IllegalArgumentException("significance must be in (0, 1)");
        }
        this.minObservations = minObservations;
        this.significance = significance;
    }

    /**
     * @param estimation   the estimation window's bars
     * @param event        the horizon's bars
     * @param stockReturn  the stock's holding-period return over the horizon
     * @param marketReturn the benchmark's over the same interval; null when it has no price
     */
    public EventStudyResult measure(List<BarReturn> estimation, List<BarReturn> event, double stockReturn,
            Double marketReturn) {
        int k = event.size();
        if (marketReturn == null) {
            return EventStudyResult.none(estimation.size(), k);
        }
        double stockSum = 0;
        double marketSum = 0;
        for (BarReturn bar : event) {
            stockSum += bar.stock();
            marketSum += bar.market();
        }
        Optional<MarketModel> fitted = estimation.size() >= minObservations ? MarketModel.fit(estimation)
                : Optional.empty();
        if (fitted.isEmpty()) {
            return new EventStudyResult(ReturnModel.MARKET_ADJUSTED, null, null, estimation.size(), k, marketReturn,
                    stockReturn - marketReturn, stockSum - marketSum, null, null, null);
        }
        MarketModel model = fitted.get();
        double expected = k * model.alpha() + model.beta() * marketReturn;
        double car = stockSum - model.expected(k, marketSum);
        double variance = model.carVariance(k, marketSum);
        Double scar = null;
        Double p = null;
        Boolean significant = null;
        if (variance > 0) {
            scar = car / Math.sqrt(variance);
            TDistribution t = new TDistribution(null, model.observations() - 2.0);
            p = 2 * t.cumulativeProbability(-Math.abs(scar));
            significant = p < significance;
        }
        return new EventStudyResult(ReturnModel.MARKET_MODEL, model.alpha(), model.beta(), model.observations(), k,
                expected, stockReturn - expected, car, scar, p, significant);
    }
}
