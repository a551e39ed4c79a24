package io.newsflow.topology.market;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Sends every record to all partitions of the topic (KIP-837 multicast): the benchmark's bucket closes,
 * which every ticker's abnormal return needs. A GlobalKTable would need its own pre-created topic and
 * would copy every symbol's ticks to every instance; only the benchmark is broadcast.
 */
public final class BroadcastPartitioner<K, V> implements StreamPartitioner<K, V> {

    @Override
    public Optional<Set<Integer>> partitions(String topic, K key, V value, int numPartitions) {
        return Optional.of(IntStream.range(0, numPartitions).boxed().collect(Collectors.toSet()));
    }
}
