package io.newsflow.runtime.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.metrics.Degradations;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

class FencedThreadsTest {

    @Test
    void fencingsAndMigrationsAreRecognisedAlsoAsACause() {
        assertTrue(FencedThreads.isFencing(new ProducerFencedException("fenced")));
        assertTrue(FencedThreads.isFencing(new KafkaException("commit", new InvalidProducerEpochException("epoch"))));
        assertTrue(FencedThreads.isFencing(new CommitFailedException()));
        assertFalse(FencedThreads.isFencing(new TimeoutException("broker away")));
    }

    @Test
    void oneFencingIsCountedTwoWithinFiveMinutesAreDegradedWithTheReasonAndItEndsWhenTheyStop() {
        AtomicLong clock = new AtomicLong(1_000_000);
        Degradations degradations = new Degradations(clock::get);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        FencedThreads fenced = new FencedThreads(degradations, clock::get).bindTo(registry);

        fenced.fenced(new ProducerFencedException("first"));
        assertEquals(1.0, registry.get("newsflow.stream.thread.fenced").counter().count());
        assertTrue(degradations.current().isEmpty(), "once is an ordinary event: " + degradations.current());

        clock.addAndGet(FencedThreads.WINDOW.toMillis() + 1);
        fenced.fenced(new ProducerFencedException("a window later"));
        assertTrue(degradations.current().isEmpty(), "not within the window: " + degradations.current());

        clock.addAndGet(30_000);
        fenced.fenced(new ProducerFencedException("again"));
        String why = degradations.current().get(FencedThreads.SOURCE);
        assertTrue(why != null && why.contains("fenced 2 times") && why.contains("again"), String.valueOf(why));

        clock.addAndGet(Degradations.EXPIRY.toMillis() + 1);
        assertTrue(degradations.current().isEmpty(), "over once not reported again");
    }
}
