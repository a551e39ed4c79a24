package io.newsflow.bench;

import io.newsflow.config.Topics;
import io.newsflow.serde.SpecificAvroSerde;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The passthrough written as a Kafka Streams topology (source -> sink, same serde): the difference to
 * the plain-client passthrough is the framework's own cost (tasks, record queues, commits,
 * exactly-once transactions when enabled), the difference to newsflow is the pipeline's logic.
 */
final class StreamsPassthroughTopology {

    private StreamsPassthroughTopology() {
    }

    static Topology build(Map<String, Object> serdeConfig) {
        SpecificAvroSerde<SpecificRecord> values = new SpecificAvroSerde<>();
        values.configure(serdeConfig, false);
        StreamsBuilder builder = new StreamsBuilder();
        for (String input : Topics.INPUTS) {
            builder.stream(input, Consumed.with(Serdes.String(), values))
                    .to(Passthrough.OUTPUT_PREFIX + input, Produced.with(Serdes.String(), values));
        }
        return builder.build();
    }
}
