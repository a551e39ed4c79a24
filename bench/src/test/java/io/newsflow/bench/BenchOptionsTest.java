package io.newsflow.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.bench.BenchOptions.Phase;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void defaultsMeasureEverythingOnTheInProcessBroker() {
        BenchOptions options = BenchOptions.parse();

        assertEquals(400_000, options.records());
        assertEquals(10_000, options.rate());
        assertEquals(30, options.durationSeconds());
        assertEquals(3, options.partitions());
        assertEquals(EnumSet.of(Phase.PASSTHROUGH, Phase.STREAMS_PASSTHROUGH, Phase.TOPOLOGY, Phase.LATENCY),
                options.phases());
        assertNull(options.bootstrap());
        assertTrue(options.streamsOverrides().isEmpty());
        assertEquals(1, options.warmups());
        assertEquals(3, options.repeats());
        assertEquals(30, options.latencyWarmupSeconds());
    }

    @Test
    void parsesEveryOption() {
        BenchOptions options = BenchOptions.parse("--records", "1_000", "--rate", "500", "--duration", "5",
                "--partitions", "6", "--only", "passthrough-latency,topology", "--bootstrap", "kafka:9092",
                "--seed", "9", "--guarantee", "at_least_once", "--commit-interval-ms", "100",
                "--streams", "num.stream.threads=2", "--warmup", "0", "--repeat", "5", "--latency-warmup", "0");

        assertEquals(1_000, options.records());
        assertEquals(500, options.rate());
        assertEquals(5, options.durationSeconds());
        assertEquals(6, options.partitions());
        assertEquals(EnumSet.of(Phase.PASSTHROUGH_LATENCY, Phase.TOPOLOGY), options.phases());
        assertEquals("kafka:9092", options.bootstrap());
        assertEquals(9, options.seed());
        assertEquals(Map.of("processing.guarantee", "at_least_once", "commit.interval.ms", "100",
                "num.stream.threads", "2"), options.streamsOverrides());
        assertEquals(0, options.warmups());
        assertEquals(5, options.repeats());
        assertEquals(0, options.latencyWarmupSeconds());
    }

    @Test
    void rejectsWhatItCannotUse() {
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--records", "0"));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--rate", "fast"));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--only", "everything"));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--streams", "no-equals"));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--duration"));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--unknown", "1"));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--warmup", "-1"));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--repeat", "0"));
    }
}
