package io.newsflow.topology;

import static io.newsflow.topology.TopologyFixture.article;
import static io.newsflow.topology.TopologyFixture.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.avro.MarketReaction;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A ticker measured against its own benchmark ({@code reaction.benchmarks}), through the redesigned
 * topology: the benchmark's bucket closes reach the bucket-close step, which fits the market model
 * over that series and completes the reaction when the benchmark, not only {@code reaction.benchmark},
 * moves on. The hand-checked beta-2 stock of {@code EventStudyTopologyTest}, against SPY instead of QQQ.
 */
class MappedBenchmarkTopologyTest {

    private static final double[] MARKET = {0.01, -0.01, 0.02, -0.02, 0.03, -0.03};
    private static final double[] RESIDUAL = {0.001, 0.001, -0.001, -0.001, 0, 0};

    private static List<MarketReaction> metaReactions(TopologyFixture f) {
        return f.reactions.readValuesToList().stream().filter(r -> r.getTicker().equals("META")).toList();
    }

    @Test
    void aTickerMappedToSpyIsMeasuredAgainstSpyAndCompletesWhenSpyClosesItsHorizon() {
        Map<String, String> settings = new HashMap<>(EventStudyTopologyTest.SIX_BAR_MODEL);
        settings.put("reaction.benchmarks", "META=SPY");
        try (TopologyFixture f = new TopologyFixture(TopologySettings.fromMap(settings))) {
            double meta = 100;
            double spy = 100;
            f.tick("META", meta, at("13:25"));
            f.tick("SPY", spy, at("13:25"));
            f.tick("QQQ", 100, at("13:25"));
            for (int i = 0; i < MARKET.length; i++) {
                meta *= 1 + 2 * MARKET[i] + RESIDUAL[i];
                spy *= 1 + MARKET[i];
                String time = "13:" + (30 + 5 * i);
                f.tick("META", meta, at(time));
                f.tick("SPY", spy, at(time));
                f.tick("QQQ", 100 * (1 - MARKET[i]), at(time)); // QQQ moves against META: a wrong benchmark shows
            }
            f.publish(article("a1", "Meta beats estimates", "Strong quarter.", at("14:00")).build());
            f.tick("META", meta * 1.025, at("14:04"));
            f.tick("SPY", spy * 1.01, at("14:04"));
            f.tick("META", meta * 1.025, at("14:06"));
            assertTrue(metaReactions(f).isEmpty(), "SPY has not closed the horizon's bucket yet");

            f.tick("SPY", spy * 1.01, at("14:06"));

            List<MarketReaction> done = metaReactions(f);
            assertEquals(1, done.size(), "SPY entering a new minute asks the waiting reactions again");
            MarketReaction r = done.get(0);
            assertEquals("SPY", r.getBenchmarkSymbol());
            assertEquals("MARKET_MODEL", r.getReturnModel());
            assertEquals(2.0, r.getBeta(), 1e-9);
            assertEquals(0.01, r.getBenchmarkReturn(), 1e-9);
            assertEquals(0.005, r.getCumulativeAbnormalReturn(), 1e-9);
            assertEquals(4.5598, r.getStandardizedCar(), 1e-3, "0.005 / (0.001 sqrt(1 + 1/6 + 1/28))");
        }
    }
}
