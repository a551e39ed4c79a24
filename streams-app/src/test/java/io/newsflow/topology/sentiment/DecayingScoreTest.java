package io.newsflow.topology.sentiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A score that halves every half-life (6h here), hand-checked. */
class DecayingScoreTest {

    private static final long H = 3_600_000L;
    private static final long HALF_LIFE = 6 * H;

    @Test
    void aNegativeStoryFadesByHalfEveryHalfLife() {
        DecayingScore s = DecayingScore.none(0).add(0, -0.8, 1.0, HALF_LIFE);

        assertEquals(-0.8, s.score(), 1e-12);
        assertEquals(-0.4, s.at(6 * H, HALF_LIFE).score(), 1e-12);
        assertEquals(-0.2, s.at(12 * H, HALF_LIFE).score(), 1e-12);
        assertEquals(-0.8 * Math.pow(2, -0.5), s.at(3 * H, HALF_LIFE).score(), 1e-12);
        assertEquals(-0.8, s.at(12 * H, HALF_LIFE).mean(), 1e-12, "what the news said does not change as it fades");
        assertEquals(0.25, s.at(12 * H, HALF_LIFE).weight(), 1e-12);
    }

    @Test
    void aNewStoryAddsToWhatIsLeftOfTheOldOnes() {
        // at 6h: -0.8 x 1 has faded to -0.4 (weight 0.5); +0.6 x 0.5 adds +0.3 (weight 0.5)
        DecayingScore s = DecayingScore.none(0).add(0, -0.8, 1.0, HALF_LIFE).add(6 * H, 0.6, 0.5, HALF_LIFE);

        assertEquals(-0.1, s.score(), 1e-12);
        assertEquals(1.0, s.weight(), 1e-12);
        assertEquals(-0.1, s.mean(), 1e-12);
        assertEquals(6 * H, s.lastArticleAt());
    }

    @Test
    void aLateStoryCountsAsDecayedSinceItsPublication() {
        DecayingScore s = DecayingScore.none(0).add(6 * H, 0.0, 0.0, HALF_LIFE).add(0, 0.4, 1.0, HALF_LIFE);

        assertEquals(0.2, s.score(), 1e-12);
        assertEquals(6 * H, s.asOf());
        assertEquals(6 * H, s.lastArticleAt());
    }
}
