package io.newsflow.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import java.util.ArrayList;
import java.util.List;

/**
 * One tag key for the store of every Kafka Streams state metric. Kafka tags a store's metrics with
 * its scope: {@code in-memory-state-id} for an in-memory store, {@code rocksdb-state-id} for a
 * RocksDB one, and so on ({@code in.memory.state.id}... once Micrometer has them). Prometheus wants one set of label names per metric name, so the registry
 * refused the second kind's meters of a shared name ({@code kafka.stream.state.range.latency.max}...)
 * and one kind of store went unexported. Renamed to {@code state.id} ({@code state_id} in Prometheus) (the store name, unique in the
 * topology), every store's metrics are exported under one set of labels; the tag count is unchanged,
 * as Micrometer's Kafka binder compares meters of one name by their tag count.
 */
public final class StateStoreTags {

    /** Micrometer's Kafka binder writes Kafka's tag keys with dots: {@code in.memory.state.id}. */
    static final String STATE_ID = "state.id";
    private static final String STATE_METRICS = "kafka.stream.state.";
    private static final String SCOPED_SUFFIX = ".state.id";

    private StateStoreTags() {
    }

    public static MeterFilter filter() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                if (!id.getName().startsWith(STATE_METRICS)) {
                    return id;
                }
                List<Tag> tags = new ArrayList<>();
                boolean renamed = false;
                for (Tag tag : id.getTagsAsIterable()) {
                    String key = tag.getKey().replace('-', '.');
                    if (key.endsWith(SCOPED_SUFFIX)) {
                        // the kind stays in the value: one store can have metrics in two scopes (its
                        // metered layer's and RocksDB's), which must remain two series
                        String scope = key.substring(0, key.length() - SCOPED_SUFFIX.length()).replace('.', '-');
                        tags.add(Tag.of(STATE_ID, scope + ":" + tag.getValue()));
                        renamed = true;
                    } else {
                        tags.add(tag);
                    }
                }
                return renamed ? id.replaceTags(tags) : id;
            }
        };
    }
}
