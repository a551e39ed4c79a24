package io.newsflow.ops;

import java.util.Set;

/** Kafka Streams meter names (as Micrometer's KafkaStreamsMetrics exports them) that dashboards and rules use. */
final class KafkaStreamsMeterNames {

    static final Set<String> USED_BY_DASHBOARDS = Set.of("kafka_stream_thread_process_total");

    private KafkaStreamsMeterNames() {
    }
}
