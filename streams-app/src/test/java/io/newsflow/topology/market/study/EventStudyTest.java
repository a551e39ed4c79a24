package io.newsflow.topology.market.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The event study on hand-checked numbers. The estimation window is six bars of a stock with a
 * beta of exactly 2: market returns x = +1%, -1%, +2%, -2%, +3%, -3% (mean 0, Sxx = 0.0028), stock
 * returns 2x + e with residuals e = +0.1%, +0.1%, -0.1%, -0.1%, 0, 0 (mean 0 and orthogonal to x), so
 * least squares gives alpha 0, beta 2 and s^2 = SSE / (n - 2) = 4e-6 / 4 = 1e-6.
 */
class EventStudyTest {

    private static final double[] MARKET = {0.01, -0.01, 0.02, -0.02, 0.03, -0.03};
    private static final double[] RESIDUAL = {0.001, 0.001, -0.001, -0.001, 0, 0};
    private static final double EPS = 1e-9;

    private final EventStudy study = new EventStudy(6, 0.05);

    static List<BarReturn> betaTwoEstimation() {
        List<BarReturn> bars = new ArrayList<>();
        for (int i = 0; i < MARKET.length; i++) {
            bars.add(new BarReturn(2 * MARKET[i] + RESIDUAL[i], MARKET[i]));
        }
        return bars;
    }

    @Test
    void leastSquaresFindsTheBetaOfTwoAndTheResidualVariance() {
        MarketModel model = MarketModel.fit(betaTwoEstimation()).orElseThrow();

        assertEquals(0.0, model.alpha(), EPS);
        assertEquals(2.0, model.beta(), EPS);
        assertEquals(1e-6, model.residualVariance(), 1e-15);
        assertEquals(6, model.observations());
        assertEquals(0.0028, model.marketSumSquares(), 1e-12);
    }

    @Test
    void aBetaTwoStockThatOnlyFollowedTheMarketHasNoAbnormalReturn() {
        // the market +1% in the bar, the stock +2%: market-adjusted, that would be a +1% "reaction"
        EventStudyResult r = study.measure(betaTwoEstimation(), List.of(new BarReturn(0.02, 0.01)), 0.02, 0.01);

        assertEquals(ReturnModel.MARKET_MODEL, r.model());
        assertEquals(0.02, r.expectedReturn(), EPS);
        assertEquals(0.0, r.abnormalReturn(), EPS);
        assertEquals(0.0, r.car(), EPS);
        assertFalse(r.significant());
    }

    @Test
    void aReactionFarOutsideTheStocksNoiseIsSignificant() {
        // stock +2.5% while the market gave +1%: expected 2 x 1% = 2%, CAR = 0.5%.
        // Var(CAR) = s^2 (K + K^2/n + (S - K mean)^2 / Sxx) = 1e-6 (1 + 1/6 + 0.0001/0.0028) = 1e-6 x 101/84,
        // so SCAR = 0.005 / (0.001 sqrt(101/84)) = 4.5598, beyond t(0.975, 4 df) = 2.776
        EventStudyResult r = study.measure(betaTwoEstimation(), List.of(new BarReturn(0.025, 0.01)), 0.025, 0.01);

        assertEquals(0.005, r.abnormalReturn(), EPS);
        assertEquals(0.005, r.car(), EPS);
        assertEquals(5 / Math.sqrt(101.0 / 84), r.scar(), 1e-6);
        assertEquals(4.5598, r.scar(), 1e-4);
        assertTrue(r.pValue() < 0.05 && r.pValue() > 0.005, "p = " + r.pValue());
        assertTrue(r.significant());
        assertEquals(2.0, r.beta(), EPS);
        assertEquals(6, r.observations());
        assertEquals(1, r.eventBars());
    }

    @Test
    void aReactionWithinTheStocksNoiseIsNotSignificant() {
        // stock +2.1%: CAR = 0.1%, SCAR = 1 / sqrt(101/84) = 0.912, well inside 2.776
        EventStudyResult r = study.measure(betaTwoEstimation(), List.of(new BarReturn(0.021, 0.01)), 0.021, 0.01);

        assertEquals(0.001, r.car(), EPS);
        assertEquals(0.912, r.scar(), 1e-3);
        assertTrue(r.pValue() > 0.05);
        assertFalse(r.significant());
    }

    @Test
    void theCarSumsTheAbnormalReturnsOfEveryBarOfTheHorizon() {
        // two bars: (+1.5%, +0.5%) and (+1.0%, +0.5%): CAR = (0.015 - 0.01) + (0.010 - 0.01) = 0.5%;
        // Var = 1e-6 (2 + 4/6 + 0.01^2/0.0028)
        List<BarReturn> event = List.of(new BarReturn(0.015, 0.005), new BarReturn(0.010, 0.005));
        EventStudyResult r = study.measure(betaTwoEstimation(), event, 0.02515, 0.010025);

        assertEquals(0.005, r.car(), EPS);
        assertEquals(0.005 / Math.sqrt(1e-6 * (2 + 4.0 / 6 + 0.0001 / 0.0028)), r.scar(), 1e-6);
        assertEquals(0.02515 - 2 * 0.010025, r.abnormalReturn(), EPS, "holding period: R - (K alpha + beta R_m)");
        assertEquals(2, r.eventBars());
    }

    @Test
    void tooFewEstimationBarsFallBackToMarketAdjustedReturnsAndSaySo() {
        EventStudy demanding = new EventStudy(30, 0.05);

        EventStudyResult r = demanding.measure(betaTwoEstimation(), List.of(new BarReturn(0.025, 0.01)), 0.025, 0.01);

        assertEquals(ReturnModel.MARKET_ADJUSTED, r.model());
        assertEquals(0.01, r.expectedReturn(), EPS);
        assertEquals(0.015, r.abnormalReturn(), EPS);
        assertEquals(0.015, r.car(), EPS);
        assertNull(r.beta());
        assertNull(r.scar());
        assertNull(r.significant());
        assertEquals(6, r.observations());
    }

    @Test
    void withoutABenchmarkPriceThereIsNoAbnormalReturn() {
        EventStudyResult r = study.measure(betaTwoEstimation(), List.of(new BarReturn(0.025, 0)), 0.025, null);

        assertEquals(ReturnModel.NONE, r.model());
        assertNull(r.abnormalReturn());
        assertNull(r.car());
    }

    @Test
    void aBenchmarkThatNeverMovedCannotBeRegressedOn() {
        List<BarReturn> flat = List.of(new BarReturn(0.01, 0), new BarReturn(-0.01, 0), new BarReturn(0.02, 0));
        assertTrue(MarketModel.fit(flat).isEmpty());
        assertEquals(ReturnModel.MARKET_ADJUSTED,
                new EventStudy(3, 0.05).measure(flat, List.of(new BarReturn(0.01, 0.0)), 0.01, 0.0).model());
    }
}
