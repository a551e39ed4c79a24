package io.newsflow.ops;

import io.newsflow.avro.DeadLetter;
import io.newsflow.config.Topics;
import io.newsflow.serde.KafkaAvroDeserializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The committed content of every output topic in a canonical form: one line per record (key, event
 * timestamp, value as Avro JSON), sorted within each topic, so that two runs over the same input
 * compare record by record whatever the partitioning and the order in which the records were written.
 *
 * <p>Left out, and only these: a dead letter's {@code partition} and {@code offset} (where the bad
 * record sat in its input topic, which depends on how the input was partitioned, not on what the
 * pipeline made of it) and {@code failedAt} (the wall-clock time of the failure). The news context
 * of alerts and credit views is compared like every other field, and so are the credit-view flips
 * on ticks.
 */
record OutputDump(Map<String, List<String>> linesByTopic) {

    static OutputDump read(String bootstrapServers, String registryUrl) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, KafkaAvroDeserializer.class.getName());
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        config.put("schema.registry.url", registryUrl);
        config.put("specific.avro.reader", true);
        Map<String, List<String>> lines = new TreeMap<>();
        try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : Topics.OUTPUTS) {
                lines.put(topic, new ArrayList<>());
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions); // the last stable offsets
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
                for (ConsumerRecord<String, Object> r : consumer.poll(Duration.ofMillis(500))) {
                    lines.get(r.topic()).add(line(r));
                }
            }
        }
        lines.values().forEach(l -> l.sort(null));
        return new OutputDump(lines);
    }

    private static String line(ConsumerRecord<String, Object> r) {
        return r.key() + " @" + r.timestamp() + " " + canonical(r.value());
    }

    private static String canonical(Object value) {
        if (value instanceof DeadLetter letter) {
            return DeadLetter.newBuilder(letter).setPartition(-1).setOffset(-1).setFailedAt(java.time.Instant.EPOCH)
                    .build().toString();
        }
        return String.valueOf(value);
    }

    Map<String, Integer> counts() {
        Map<String, Integer> counts = new TreeMap<>();
        linesByTopic.forEach((topic, l) -> counts.put(topic, l.size()));
        return counts;
    }

    /** Per topic, the lines only in this dump and only in the other (empty when they are the same). */
    Map<String, String> differencesFrom(OutputDump other) {
        Map<String, String> differences = new TreeMap<>();
        for (String topic : linesByTopic.keySet()) {
            List<String> mine = new ArrayList<>(linesByTopic.get(topic));
            List<String> theirs = new ArrayList<>(other.linesByTopic.getOrDefault(topic, List.of()));
            List<String> onlyMine = minus(mine, theirs);
            List<String> onlyTheirs = minus(theirs, mine);
            if (!onlyMine.isEmpty() || !onlyTheirs.isEmpty()) {
                differences.put(topic, onlyMine.size() + " records only in the first run, " + onlyTheirs.size()
                        + " only in the second; first differing: " + first(onlyMine) + " / " + first(onlyTheirs));
            }
        }
        return differences;
    }

    /** Multiset difference: each line of {@code b} cancels one equal line of {@code a}. */
    private static List<String> minus(List<String> a, List<String> b) {
        Map<String, Integer> remaining = new HashMap<>();
        b.forEach(line -> remaining.merge(line, 1, Integer::sum));
        List<String> out = new ArrayList<>();
        for (String line : a) {
            if (remaining.getOrDefault(line, 0) > 0) {
                remaining.merge(line, -1, Integer::sum);
            } else {
                out.add(line);
            }
        }
        return out;
    }

    private static String first(List<String> lines) {
        if (lines.isEmpty()) {
            return "-";
        }
        String line = lines.get(0);
        return line.length() > 600 ? line.substring(0, 600) + "..." : line;
    }
}
