package io.newsflow.serde;

import java.util.Map;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A {@link KafkaAvroSerializer} typed for a Serde, applying the Serde's fixed settings on every
 * configure, whether Streams configures the Serde or the serializer itself.
 */
final class TypedAvroSerializer<T> implements Serializer<T> {

    private final KafkaAvroSerializer inner;
    private final Map<String, ?> overrides;

    TypedAvroSerializer(KafkaAvroSerializer inner, Map<String, ?> overrides) {
        this.inner = inner;
        this.overrides = overrides;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        inner.configure(AvroSerdeConfig.withOverrides(configs, overrides), isKey);
    }

    @Override
    public byte[] serialize(String topic, T data) {
        return inner.serialize(topic, data);
    }

    @Override
    public byte[] serialize(String topic, Headers headers, T data) {
        return inner.serialize(topic, headers, data);
    }

    @Override
    public void close() {
        inner.close();
    }
}
