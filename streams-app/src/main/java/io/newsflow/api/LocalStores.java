package io.newsflow.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.query.FailureReason;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.query.RangeQuery;
import org.apache.kafka.streams.query.StateQueryRequest;
import org.apache.kafka.streams.query.StateQueryResult;
import org.apache.kafka.streams.state.KeyValueIterator;

/**
 * Range reads of this instance's stores through Interactive Queries v2: active tasks and standby
 * replicas alike (a standby answers while the active's instance is gone, a commit behind at most).
 * Anything that makes the state unreadable for now (not running, rebalancing, restoring, partition
 * moved) is a 503 ({@link ApiException#unavailable}).
 */
final class LocalStores {

    private final KafkaStreams streams;

    LocalStores(KafkaStreams streams) {
        this.streams = streams;
    }

    private static Optional<RuntimeException> failure(String store,
            Map<Integer, QueryResult<KeyValueIterator<String, Object>>> partitions) {
        for (var entry : partitions.entrySet()) {
            QueryResult<KeyValueIterator<String, Object>> result = entry.getValue();
            if (result.isFailure()) {
                FailureReason reason = result.getFailureReason();
                if (reason == FailureReason.DOES_NOT_EXIST || reason == FailureReason.UNKNOWN_QUERY_TYPE) {
                    return Optional.of(new IllegalStateException("store " + store + ": " + result.getFailureMessage()));
                }
                return Optional.of(ApiException.unavailable("partition " + entry.getKey() + " of " + store + ": "
                        + reason + " " + result.getFailureMessage(), null));
            }
        }
        return Optional.empty();
    }

    /** @param partition the partition to read, or null for every partition hosted here */
    List<StoreEntry> range(String store, Integer partition, StoreReader.Range range) {
        KafkaStreams.State state = streams.state();
        if (state != KafkaStreams.State.RUNNING && state != KafkaStreams.State.REBALANCING) {
            throw ApiException.unavailable("Kafka Streams is " + state, null);
        }
        RangeQuery<String, Object> query = RangeQuery.withRange(range.from(), range.to());
        query = range.descending() ? query.withDescendingKeys() : query;
        StateQueryRequest<KeyValueIterator<String, Object>> request = StateQueryRequest.inStore(store).withQuery(query);
        request = partition == null ? request.withAllPartitions() : request.withPartitions(Set.of(partition));
        StateQueryResult<KeyValueIterator<String, Object>> result;
        try {
            result = streams.query(request);
        } catch (InvalidStateStoreException e) {
            throw ApiException.unavailable("store " + store + " is not queryable (not started, rebalancing or restoring): " + e.getMessage(), e);
        }
        List<KeyValue<String, Object>> entries = new ArrayList<>();
        Map<Integer, QueryResult<KeyValueIterator<String, Object>>> partitions = result.getPartitionResults();
        if (partition != null && !partitions.containsKey(partition)) {
            throw ApiException.unavailable("partition " + partition + " of " + store + " is not hosted here (rebalancing)", null);
        }
        failure(store, partitions).ifPresent(e -> {
            // the partitions that did answer hold open store iterators
            partitions.values().stream().filter(r -> !r.isFailure()).forEach(r -> r.getResult().close());
            throw e;
        });
        for (QueryResult<KeyValueIterator<String, Object>> partResult : partitions.values()) {
            try (KeyValueIterator<String, Object> it = partResult.getResult()) {
                for (int n = 0; n < range.limit() && it.hasNext(); n++) {
                    entries.add(it.next());
                }
            }
        }
        Comparator<KeyValue<String, Object>> byKey = Comparator.comparing(kv -> kv.key);
        entries.sort(range.descending() ? byKey.reversed() : byKey);
        return entries.stream().limit(range.limit()).map(kv -> new StoreEntry(kv.key, StateJson.toJson(kv.value))).toList();
    }
}
