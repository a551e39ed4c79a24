package io.newsflow.bench;

import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Reads how many records a Kafka Streams client's threads have processed so far: the sum of the
 * thread-level {@code process-total} metrics (recording level INFO, so always there).
 */
final class StreamsProgress {

    private StreamsProgress() {
    }

    static long processedRecords(KafkaStreams streams) {
        double total = 0;
        for (Map.Entry<MetricName, ? extends Metric> entry : streams.metrics().entrySet()) {
            MetricName name = entry.getKey();
            if (name.name().equals("process-total") && name.group().equals("stream-thread-metrics")) {
                Object value = entry.getValue().metricValue();
                if (value instanceof Number number) {
                    total += number.doubleValue();
                }
            }
        }
        return (long) total;
    }
}
