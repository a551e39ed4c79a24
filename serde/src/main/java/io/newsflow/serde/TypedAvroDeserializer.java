package io.newsflow.serde;

import java.nio.ByteBuffer;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * A {@link KafkaAvroDeserializer} typed for a Serde, applying the Serde's fixed settings on every
 * configure. A record of another type than the Serde's is a SerializationException, not a later
 * ClassCastException far from the topic it came from.
 */
final class TypedAvroDeserializer<T> implements Deserializer<T> {

    private final KafkaAvroDeserializer inner;
    private final Map<String, ?> overrides;
    private final Class<?> expected;

    TypedAvroDeserializer(KafkaAvroDeserializer inner, Map<String, ?> overrides, Class<?> expected) {
        this.inner = inner;
        this.overrides = overrides;
        this.expected = expected;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        inner.configure(AvroSerdeConfig.withOverrides(configs, overrides), isKey);
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        return typed(topic, inner.deserialize(topic, data));
    }

    @Override
    public T deserialize(String topic, Headers headers, byte[] data) {
        return typed(topic, inner.deserialize(topic, headers, data));
    }

    @Override
    public T deserialize(String topic, Headers headers, ByteBuffer data) {
        return typed(topic, inner.deserialize(topic, headers, data));
    }

    @SuppressWarnings("unchecked")
    private T typed(String topic, Object value) {
        if (value != null && !expected.isInstance(value)) {
            throw new SerializationException("Record on topic '" + topic + "' is a " + value.getClass().getName()
                    + ", not a " + expected.getName());
        }
        return (T) value;
    }

    @Override
    public void close() {
        inner.close();
    }
}
