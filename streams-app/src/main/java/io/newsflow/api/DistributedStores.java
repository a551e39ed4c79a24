package io.newsflow.api;

import java.io.IOException;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Store reads across the instances of the app (same {@code application.id}, each advertising its
 * API as {@code application.server}). A keyed read goes where {@link KafkaStreams#queryMetadataForKey}
 * says the key's partition lives: here if this instance runs its active task, else on the active
 * instance, and when that one is unreachable on a standby (this instance's first), so that a read
 * survives the owner's death before the group has moved its tasks. A scan reads every instance
 * (each its active and standby partitions) and merges by key.
 */
final class DistributedStores implements StoreReader {

    private final KafkaStreams streams;
    private final LocalStores local;
    private final HostInfo self;
    private final PeerClient peers;

    DistributedStores(KafkaStreams streams, HostInfo self, PeerClient peers) {
        this.streams = streams;
        this.local = new LocalStores(streams);
        this.self = self;
        this.peers = peers;
    }

    LocalStores local() {
        return local;
    }

    @Override
    public List<StoreEntry> range(String store, String routingKey, Range range) {
        KeyQueryMetadata owner;
        try {
            owner = streams.queryMetadataForKey(store, routingKey, Serdes.String().serializer());
        } catch (InvalidStateStoreException | IllegalStateException e) {
            throw ApiException.unavailable("Kafka Streams is not running: " + e.getMessage(), e);
        }
        if (owner == null || owner == KeyQueryMetadata.NOT_AVAILABLE) {
            throw ApiException.unavailable("no instance hosts " + store + " for " + routingKey + " yet (rebalancing)", null);
        }
        if (self.equals(owner.activeHost())) {
            return local.range(store, owner.partition(), range);
        }
        // the active first (up to date); when it is unreachable, a standby: this one, else another
        IOException last = null;
        try {
            return peers.range(owner.activeHost(), store, owner.partition(), range);
        } catch (IOException e) {
            last = e;
        }
        if (owner.standbyHosts().contains(self)) {
            return local.range(store, owner.partition(), range);
        }
        for (HostInfo standby : owner.standbyHosts()) {
            try {
                return peers.range(standby, store, owner.partition(), range);
            } catch (IOException e) {
                last = e;
            }
        }
        throw ApiException.unavailable("no instance hosting " + store + " for " + routingKey + " answers: "
                + last.getMessage(), last);
    }

    @Override
    public List<StoreEntry> scan(String store, Range range) {
        Comparator<String> order = range.descending() ? Comparator.reverseOrder() : Comparator.naturalOrder();
        Map<String, StoreEntry> merged = new TreeMap<>(order);
        local.range(store, null, range).forEach(e -> merged.put(e.key(), e));
        Collection<StreamsMetadata> instances;
        try {
            instances = streams.streamsMetadataForStore(store);
        } catch (InvalidStateStoreException | IllegalStateException e) {
            throw ApiException.unavailable("Kafka Streams is not running: " + e.getMessage(), e);
        }
        for (StreamsMetadata instance : instances) {
            if (!instance.hostInfo().equals(self)) {
                try {
                    peers.range(instance.hostInfo(), store, null, range).forEach(e -> merged.put(e.key(), e));
                } catch (IOException e) {
                    // its partitions are answered by the standbys elsewhere, if any: see docs/api.md
                }
            }
        }
        return merged.values().stream().limit(range.limit()).toList();
    }
}
