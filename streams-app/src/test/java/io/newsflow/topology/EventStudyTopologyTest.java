package io.newsflow.topology;

import static io.newsflow.topology.TopologyFixture.article;
import static io.newsflow.topology.TopologyFixture.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.avro.MarketReaction;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The market model in the topology, on the hand-checked beta-2 stock of {@code EventStudyTest}:
 * six 5-minute bars from 13:25 to 13:55 in which QQQ returns +1%, -1%, +2%, -2%, +3%, -3% and META
 * twice that plus residuals +0.1%, +0.1%, -0.1%, -0.1%, 0, 0 (alpha 0, beta 2, s^2 = 1e-6); the
 * article at 14:00, the estimation window ending a 5-minute gap before it.
 */
class EventStudyTopologyTest {

    private static final double[] MARKET = {0.01, -0.01, 0.02, -0.02, 0.03, -0.03};
    private static final double[] RESIDUAL = {0.001, 0.001, -0.001, -0.001, 0, 0};

    static final Map<String, String> SIX_BAR_MODEL = Map.of("reaction.horizons", "5m", "reaction.model.bar", "5m",
            "reaction.model.window", "30m", "reaction.model.gap", "5m", "reaction.model.min.observations", "6");

    /** META and QQQ over the estimation window, their last prices at 13:55 being 100 x the pattern's product. */
    static double[] estimationWindow(TopologyFixture f) {
        double meta = 100;
        double qqq = 100;
        f.tick("META", meta, at("13:25"));
        f.tick("QQQ", qqq, at("13:25"));
        for (int i = 0; i < MARKET.length; i++) {
            meta *= 1 + 2 * MARKET[i] + RESIDUAL[i];
            qqq *= 1 + MARKET[i];
            String time = "13:" + (30 + 5 * i);
            f.tick("META", meta, at(time));
            f.tick("QQQ", qqq, at(time));
        }
        return new double[] {meta, qqq};
    }

    private static MarketReaction reactionTo(double metaMove, Map<String, String> settings) {
        try (TopologyFixture f = new TopologyFixture(TopologySettings.fromMap(settings))) {
            double[] last = estimationWindow(f);
            f.publish(article("a1", "Meta beats estimates", "Strong quarter.", at("14:00")).build());
            f.tick("META", last[0] * (1 + metaMove), at("14:04"));
            f.tick("QQQ", last[1] * 1.01, at("14:04"));
            f.tick("META", last[0] * (1 + metaMove), at("14:06"));
            f.tick("QQQ", last[1] * 1.01, at("14:06"));
            return f.reactions.readValuesToList().stream().filter(r -> r.getTicker().equals("META")).findFirst()
                    .orElseThrow();
        }
    }

    @Test
    void aBetaTwoStockUpTwoAndAHalfPercentOnAOnePercentMarketHasASignificantHalfPercentCar() {
        MarketReaction r = reactionTo(0.025, SIX_BAR_MODEL);

        assertEquals("MARKET_MODEL", r.getReturnModel());
        assertEquals(2.0, r.getBeta(), 1e-9);
        assertEquals(0.0, r.getAlpha(), 1e-9);
        assertEquals(6, r.getEstimationBars());
        assertEquals(1, r.getEventBars());
        assertEquals(0.025, r.getPriceReturn(), 1e-9);
        assertEquals(0.01, r.getBenchmarkReturn(), 1e-9);
        assertEquals(0.02, r.getExpectedReturn(), 1e-9);
        assertEquals(0.005, r.getAbnormalReturn(), 1e-9);
        assertEquals(0.005, r.getCumulativeAbnormalReturn(), 1e-9);
        assertEquals(4.5598, r.getStandardizedCar(), 1e-3, "0.005 / (0.001 sqrt(1 + 1/6 + 1/28))");
        assertTrue(r.getPValue() < 0.05);
        assertTrue(r.getSignificant());
        assertEquals(0.9, r.getRelevance(), 1e-12);
    }

    @Test
    void aBetaTwoStockUpTwoPointOnePercentOnAOnePercentMarketIsWithinItsNoise() {
        MarketReaction r = reactionTo(0.021, SIX_BAR_MODEL);

        assertEquals(0.001, r.getCumulativeAbnormalReturn(), 1e-9);
        assertEquals(0.912, r.getStandardizedCar(), 1e-3);
        assertFalse(r.getSignificant());
    }

    @Test
    void withTooFewEstimationBarsTheReactionIsMarketAdjustedAndSaysSo() {
        MarketReaction r = reactionTo(0.025, Map.of("reaction.horizons", "5m")); // defaults: 30 bars of 5m over 1d

        assertEquals("MARKET_ADJUSTED", r.getReturnModel());
        assertEquals(0.015, r.getAbnormalReturn(), 1e-9, "2.5% - 1%: a beta-2 stock's market move counts as news");
        assertEquals(0.01, r.getExpectedReturn(), 1e-9);
        assertNull(r.getBeta());
        assertNull(r.getStandardizedCar());
        assertNull(r.getSignificant());
    }
}
