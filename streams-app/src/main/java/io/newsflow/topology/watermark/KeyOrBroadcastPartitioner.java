package io.newsflow.topology.watermark;

import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * A stream that carries records and watermarks in one topic: a record goes where the producer's
 * default partitioner puts its key, as on any topic keyed like the ticks, and a watermark (what
 * {@code isWatermark} tells) to every partition (KIP-837 multicast). Each partition then has every
 * record a watermark covers before that watermark, whatever the number of partitions.
 */
public final class KeyOrBroadcastPartitioner<K, V> implements StreamPartitioner<K, V> {

    private final Predicate<V> isWatermark;

    public KeyOrBroadcastPartitioner(Predicate<V> isWatermark) {
        this.isWatermark = isWatermark;
    }

    @Override
    public Optional<Set<Integer>> partitions(String topic, K key, V value, int numPartitions) {
        if (!isWatermark.test(value)) {
            return Optional.empty(); // the default partitioner, by key
        }
        return Optional.of(IntStream.range(0, numPartitions).boxed().collect(Collectors.toSet()));
    }
}
