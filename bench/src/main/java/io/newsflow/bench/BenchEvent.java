package io.newsflow.bench;

import org.apache.avro.specific.SpecificRecord;

/** One input record of the benchmark workload: where it goes, its key, its Avro value and its record timestamp. */
public record BenchEvent(String topic, String key, SpecificRecord value, long timestamp) {
}
