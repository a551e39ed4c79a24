package io.newsflow.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.avro.PriceTick;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuietPartitionsAlertFeedTest {

    @Test
    void aThirdOfTheTickPartitionsGetNoTick() {
        QuietPartitionsAlertFeed feed = new QuietPartitionsAlertFeed(1, 6, 1_000);
        for (int i = 0; i < 10_000; i++) {
            BenchEvent event = feed.next(i);
            int partition = QuietPartitionsAlertFeed.partitionOf(event.key(), 6);
            assertNotEquals(2, partition % 3, event.key() + " ticks on quiet partition " + partition);
        }
    }

    @Test
    void fiveTimesASecondASymbolJumpsUpAndAtItsNextJumpBackDown() {
        int rate = 1_000;
        QuietPartitionsAlertFeed feed = new QuietPartitionsAlertFeed(1, 3, rate);
        Map<String, Double> last = new HashMap<>();
        int ups = 0;
        int downs = 0;
        for (int i = 0; i < rate * 20; i++) {
            PriceTick tick = (PriceTick) feed.next(i).value();
            Double before = last.put(tick.getSymbol(), tick.getPrice());
            if (before != null) {
                double move = tick.getPrice() / before - 1;
                if (move > 0.035) {
                    ups++;
                } else if (move < -0.035) {
                    downs++;
                } else {
                    assertTrue(Math.abs(move) < 0.01, "a small step, not a jump: " + move);
                }
            }
        }
        assertEquals(100, ups + downs, "five jumps a second for 20 s");
        // the 40 symbols jump in turn: all 40 up, all 40 back down, then 20 up again
        assertEquals(60, ups, "jumps up");
        assertEquals(40, downs, "jumps back down");
    }

    @Test
    void theSameSeedOffersTheSameTicks() {
        QuietPartitionsAlertFeed a = new QuietPartitionsAlertFeed(7, 3, 500);
        QuietPartitionsAlertFeed b = new QuietPartitionsAlertFeed(7, 3, 500);
        for (int i = 0; i < 2_000; i++) {
            assertEquals(a.next(i), b.next(i));
        }
    }
}
