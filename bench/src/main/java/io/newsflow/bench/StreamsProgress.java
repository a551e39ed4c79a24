package io.newsflow.bench;

import java.util.List;
import org.apache.kafka.common.Metric;
import org.apache.kafka.streams.KafkaStreams;

/**
 * How many records a Kafka Streams client's threads have processed so far: the sum of the
 * thread-level {@code process-total} metrics (recording level INFO, so always there). The metric
 * objects are looked up once, after the threads registered them: scanning the whole metrics map on
 * every sample cost the benchmark's main thread noticeable CPU on a 2-core machine.
 */
final class StreamsProgress {

    private final KafkaStreams streams;
    private List<Metric> processTotals = List.of();

    StreamsProgress(KafkaStreams streams) {
        this.streams = streams;
    }

    long processedRecords() {
        if (processTotals.isEmpty()) {
            processTotals = streams.metrics().entrySet().stream()
                    .filter(e -> e.getKey().name().equals("process-total")
                            && e.getKey().group().equals("stream-thread-metrics"))
                    .map(e -> (Metric) e.getValue())
                    .toList();
        }
        double total = 0;
        for (Metric metric : processTotals) {
            if (metric.metricValue() instanceof Number number) {
                total += number.doubleValue();
            }
        }
        return (long) total;
    }
}
