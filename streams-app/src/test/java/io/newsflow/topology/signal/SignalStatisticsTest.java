package io.newsflow.topology.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Five articles, hand-checked: A +0.6 then CAR +2% (hit), B +0.3 then -1% (miss), C -0.5 then -3%
 * (hit), D -0.2 then -0.4% (hit), E +0.01 (neutral) then +1%.
 */
class SignalStatisticsTest {

    private static final long H = 3_600_000L;
    private static final SignalObservation A = new SignalObservation("a", 1 * H, 0.6, 0.02);
    private static final SignalObservation B = new SignalObservation("b", 2 * H, 0.3, -0.01);
    private static final SignalObservation C = new SignalObservation("c", 3 * H, -0.5, -0.03);
    private static final SignalObservation D = new SignalObservation("d", 4 * H, -0.2, -0.004);
    private static final SignalObservation E = new SignalObservation("e", 5 * H, 0.01, 0.01);

    private final SignalStatistics quality = new SignalStatistics(0.05, 7 * 24 * H, 500);

    @Test
    void meanCarsHitRateAndInformationCoefficient() {
        SignalSummary s = quality.summarize(quality.window(List.of(E, C, A, D, B), E));

        assertEquals(5, s.count());
        assertEquals(2, s.positive());
        assertEquals(2, s.negative());
        assertEquals(0.005, s.meanCarPositive(), 1e-12, "(2% - 1%) / 2");
        assertEquals(-0.017, s.meanCarNegative(), 1e-12, "(-3% - 0.4%) / 2");
        assertEquals(0.75, s.hitRate(), 1e-12, "A, C and D of the four polar articles; E is neutral");
        // ranks by sentiment C1 D2 E3 B4 A5, by CAR C1 B2 D3 E4 A5: sum d^2 = 4 + 1 + 1 = 6,
        // rho = 1 - 6 x 6 / (5 x 24) = 0.7
        assertEquals(0.7, s.informationCoefficient(), 1e-12);
    }

    @Test
    void theWindowIsTheNewestArticlesUpToTheOneThatCompletedWithinTheTimeAndCountBounds() {
        SignalStatistics threeNewest = new SignalStatistics(0.05, 7 * 24 * H, 3);
        assertEquals(List.of(C, D, E), threeNewest.window(List.of(A, B, C, D, E), E));

        SignalStatistics lastThreeHours = new SignalStatistics(0.05, 3 * H, 500);
        assertEquals(List.of(C, D, E), lastThreeHours.window(List.of(A, B, C, D, E), E));

        assertEquals(List.of(A, B, C), quality.window(List.of(E, D, C, B, A), C),
                "articles after the newest are not in its window, whatever the order they were added in");
    }

    @Test
    void withFewArticlesThereIsNoCorrelationAndWithoutPolarOnesNoHitRate() {
        SignalSummary s = quality.summarize(List.of(E));

        assertEquals(1, s.count());
        assertNull(s.hitRate());
        assertNull(s.meanCarPositive());
        assertNull(s.informationCoefficient());
    }
}
