package io.newsflow.topology.dlq;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Where an input record was read ({@code topic/partition/offset}), carried as a header past an
 * internal repartition topic, so that a dead letter made after it names the input topic and the
 * record's offset there rather than the internal topic's.
 */
public record Origin(String topic, int partition, long offset) {

    public static final String HEADER = "newsflow.origin";

    /** A copy of {@code headers} with the origin of the record being processed (unchanged without metadata). */
    public static Headers tag(Headers headers, Optional<RecordMetadata> metadata) {
        RecordMetadata m = metadata.orElse(null);
        if (m == null || m.topic() == null) {
            return headers;
        }
        // every input record passes here, and most never leave their task: the header's bytes are made only when
        // it is written to an internal topic or read (LazyHeader); no Origin, Optional or header list is built
        Header origin = new LazyHeader(m.topic(), m.partition(), m.offset());
        Header[] existing = headers.toArray();
        if (existing.length == 0) {
            return new RecordHeaders(new Header[] {origin});
        }
        RecordHeaders tagged = new RecordHeaders(existing);
        tagged.remove(HEADER);
        tagged.add(origin);
        return tagged;
    }

    /** The record being processed, if it was read from a topic (none in a punctuation). */
    public static Optional<Origin> of(Optional<RecordMetadata> metadata) {
        return metadata.filter(m -> m.topic() != null).map(m -> new Origin(m.topic(), m.partition(), m.offset()));
    }

    /** This origin as the one header of a record. */
    public Headers headers() {
        return new RecordHeaders(new Header[] {header()});
    }

    private Header header() {
        return header(topic, partition, offset);
    }

    private static Header header(String topic, int partition, long offset) {
        return new RecordHeader(HEADER, bytes(topic, partition, offset));
    }

    private static byte[] bytes(String topic, int partition, long offset) {
        return (topic + "/" + partition + "/" + offset).getBytes(StandardCharsets.UTF_8);
    }

    /** The origin header of a record being processed, its value encoded when first asked for. */
    private static final class LazyHeader implements Header {
        private final String topic;
        private final int partition;
        private final long offset;
        private byte[] value;

        LazyHeader(String topic, int partition, long offset) {
            this.topic = topic;
            this.partition = partition;
            this.offset = offset;
        }

        @Override
        public String key() {
            return HEADER;
        }

        @Override
        public byte[] value() {
            if (value == null) {
                value = bytes(topic, partition, offset);
            }
            return value;
        }

        @Override
        public String toString() {
            return "LazyHeader(key = " + HEADER + ", value = " + topic + "/" + partition + "/" + offset + ")";
        }
    }

    /** A copy of {@code headers} without the origin (for records leaving the pipeline). */
    public static Headers strip(Headers headers) {
        if (headers.lastHeader(HEADER) == null) {
            return headers;
        }
        RecordHeaders stripped = new RecordHeaders(headers.toArray());
        stripped.remove(HEADER);
        return stripped;
    }

    public static Optional<Origin> of(Headers headers) {
        Header header = headers == null ? null : headers.lastHeader(HEADER);
        if (header == null || header.value() == null) {
            return Optional.empty();
        }
        String[] parts = new String(header.value(), StandardCharsets.UTF_8).split("/");
        try {
            int n = parts.length;
            String topic = String.join("/", Arrays.copyOf(parts, n - 2));
            return Optional.of(new Origin(topic, Integer.parseInt(parts[n - 2]), Long.parseLong(parts[n - 1])));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
