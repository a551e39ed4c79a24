package io.newsflow.topology.dlq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Values decoded by the event-time extractor, reused by the decode step. */
class DecodedValuesTest {

    private final DecodedValues<String> decoded = new DecodedValues<>();

    @Test
    void answersOnlyForTheSameBytesAndOnlyOnce() {
        byte[] bytes = {1, 2, 3};
        decoded.put(bytes, "tick");

        assertNull(decoded.take(new byte[] {1, 2, 3}), "equal content, another record");
        assertEquals("tick", decoded.take(bytes));
        assertNull(decoded.take(bytes));
    }

    @Test
    void remembersOnlyTheLatestValues() {
        byte[] first = {0};
        decoded.put(first, "first");
        for (int i = 0; i < 16; i++) {
            decoded.put(new byte[] {1}, "other");
        }
        assertNull(decoded.take(first));
    }

    @Test
    void eachThreadHasItsOwn() throws Exception {
        byte[] bytes = {7};
        decoded.put(bytes, "main");
        String[] seen = new String[1];
        Thread other = new Thread(() -> seen[0] = decoded.take(bytes));
        other.start();
        other.join();
        assertNull(seen[0]);
        assertEquals("main", decoded.take(bytes));
    }
}
