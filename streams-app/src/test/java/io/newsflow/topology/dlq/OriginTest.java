package io.newsflow.topology.dlq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.junit.jupiter.api.Test;

/** The origin header: where an input record was read, carried past internal topics to its dead letters. */
class OriginTest {

    private static RecordMetadata readAt(String topic, int partition, long offset) {
        return new RecordMetadata() {
            @Override
            public String topic() {
                return topic;
            }

            @Override
            public int partition() {
                return partition;
            }

            @Override
            public long offset() {
                return offset;
            }
        };
    }

    @Test
    void aTaggedRecordNamesTheTopicPartitionAndOffsetItWasReadAt() {
        Headers tagged = Origin.tag(new RecordHeaders(), Optional.of(readAt("market.price-ticks", 2, 41)));

        assertEquals(Optional.of(new Origin("market.price-ticks", 2, 41)), Origin.of(tagged));
        assertArrayEquals("market.price-ticks/2/41".getBytes(StandardCharsets.UTF_8),
                tagged.lastHeader(Origin.HEADER).value());
    }

    @Test
    void theTagReplacesAnEarlierOriginAndKeepsOtherHeaders() {
        Headers headers = new RecordHeaders();
        headers.add(new RecordHeader("trace", new byte[] {7}));
        headers.add(new RecordHeader(Origin.HEADER, "news.articles/0/3".getBytes(StandardCharsets.UTF_8)));

        Headers tagged = Origin.tag(headers, Optional.of(readAt("articles-novelty", 0, 9)));

        assertEquals(Optional.of(new Origin("articles-novelty", 0, 9)), Origin.of(tagged));
        assertEquals(1, tagged.toArray().length - 1, "the trace header and one origin");
        assertArrayEquals(new byte[] {7}, tagged.lastHeader("trace").value());
    }

    @Test
    void theHeaderIsEncodedOnlyWhenAskedForAndThenKept() {
        Headers tagged = Origin.tag(new RecordHeaders(), Optional.of(readAt("market.price-ticks", 0, 5)));
        Header origin = tagged.lastHeader(Origin.HEADER);

        assertEquals(Origin.HEADER, origin.key());
        assertArrayEquals("market.price-ticks/0/5".getBytes(StandardCharsets.UTF_8), origin.value());
        assertSame(origin.value(), origin.value());
    }

    @Test
    void aRecordNotReadFromATopicIsLeftAsItIs() {
        Headers headers = new RecordHeaders();

        assertSame(headers, Origin.tag(headers, Optional.empty()));
        assertNull(headers.lastHeader(Origin.HEADER));
        assertEquals(Optional.empty(), Origin.of(headers));
    }

    @Test
    void strippingRemovesTheOriginBeforeARecordLeavesThePipeline() {
        Headers tagged = Origin.tag(new RecordHeaders(), Optional.of(readAt("market.bond-books", 1, 2)));

        assertNull(Origin.strip(tagged).lastHeader(Origin.HEADER));
    }
}
