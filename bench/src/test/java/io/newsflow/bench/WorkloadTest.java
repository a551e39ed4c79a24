package io.newsflow.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.avro.PriceTick;
import io.newsflow.config.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class WorkloadTest {

    @Test
    void theSameSeedGivesTheSameInput() {
        assertEquals(events(new Workload(42), 20_000), events(new Workload(42), 20_000));
        assertNotEquals(events(new Workload(42), 20_000), events(new Workload(43), 20_000));
    }

    @Test
    void oneArticlePerThousandTicksAndOneBondUpdatePerFiveThousand() {
        Map<String, Integer> perTopic = new TreeMap<>();
        for (BenchEvent event : events(new Workload(7), 50_000 + 50 + 10)) {
            perTopic.merge(event.topic(), 1, Integer::sum);
        }

        assertEquals(Map.of(Topics.PRICE_TICKS, 50_000, Topics.ARTICLES, 50, Topics.BOND_BOOKS, 10), perTopic);
    }

    @Test
    void eventsCarryTheGivenTimeAsRecordTimestampAndEventTime() {
        Workload workload = new Workload(1);
        BenchEvent event = workload.next(1_761_831_000_000L);

        assertEquals(1_761_831_000_000L, event.timestamp());
        assertEquals(1_761_831_000_000L, ((PriceTick) event.value()).getEventTime().toEpochMilli());
        assertEquals(((PriceTick) event.value()).getSymbol(), event.key());
    }

    @Test
    void pricesStayPositiveAndFinite() {
        Workload workload = new Workload(3);
        for (int i = 0; i < 100_000; i++) {
            if (workload.next(i).value() instanceof PriceTick tick) {
                assertTrue(tick.getPrice() > 0 && Double.isFinite(tick.getPrice()), tick.toString());
            }
        }
    }

    private static List<BenchEvent> events(Workload workload, int count) {
        List<BenchEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(workload.next(1_000L * i));
        }
        return events;
    }
}
