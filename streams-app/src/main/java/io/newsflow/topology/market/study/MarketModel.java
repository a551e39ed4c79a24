package io.newsflow.topology.market.study;

import java.util.List;
import java.util.Optional;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * The market model of an event study, {@code R_i = alpha + beta * R_m + e} (MacKinlay 1997, eq. 4),
 * fitted by ordinary least squares (commons-math3 {@link SimpleRegression}) over the bar returns of
 * the estimation window.
 *
 * @param alpha            intercept, per bar
 * @param beta             slope against the benchmark
 * @param residualVariance {@code s^2 = SSE / (n - 2)}, the variance of a bar's abnormal return
 * @param observations     n, bars in the estimation window
 * @param marketMean       mean benchmark bar return over the window
 * @param marketSumSquares {@code sum (R_m - mean)^2} over the window
 */
public record MarketModel(double alpha, double beta, double residualVariance, int observations, double marketMean,
        double marketSumSquares) {

    /** The model fitted to {@code bars}; empty with fewer than 3 bars or a benchmark that never moved. */
    public static Optional<MarketModel> fit(List<BarReturn> bars) {
        if (bars.size() < 3) {
            return Optional.empty();
        }
        SimpleRegression regression = new SimpleRegression(true);
        double marketSum = 0;
        for (BarReturn bar : bars) {
            regression.addData(bar.market(), bar.stock());
            marketSum += bar.market();
        }
        double sxx = regression.getXSumSquares();
        if (!(sxx > 0)) {
            return Optional.empty();
        }
        return Optional.of(new MarketModel(regression.getIntercept(), regression.getSlope(),
                regression.getMeanSquareError(), bars.size(), marketSum / bars.size(), sxx));
    }

    /** The return the model expects over {@code bars} bars whose benchmark returns sum to {@code marketSum}. */
    public double expected(int bars, double marketSum) {
        return bars * alpha + beta * marketSum;
    }

    /**
     * The variance of a CAR over {@code bars} event bars whose benchmark returns sum to
     * {@code marketSum}, counting the estimation error of alpha and beta (MacKinlay 1997, eq. 11,
     * summed over the bars): {@code s^2 * (K + K^2 / n + (S - K * mean)^2 / Sxx)}.
     */
    public double carVariance(int bars, double marketSum) {
        double k = bars;
        double offset = marketSum - k * marketMean;
        return residualVariance * (k + k * k / observations + offset * offset / marketSumSquares);
    }
}
