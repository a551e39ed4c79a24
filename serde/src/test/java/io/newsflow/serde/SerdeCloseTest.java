package io.newsflow.serde;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.newsflow.serde.registry.SchemaRegistryClient;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A shared registry ({@code kafka://}) counts its holders and closes its Kafka clients when the last one
 * lets go: a serializer or deserializer must release its hold once, however often it is closed.
 */
class SerdeCloseTest {

    private final AtomicInteger releases = new AtomicInteger();

    private SchemaRegistryClient countingRegistry() {
        return (SchemaRegistryClient) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {SchemaRegistryClient.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        releases.incrementAndGet();
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void aSerializerClosedTwiceReleasesItsRegistryOnce() {
        KafkaAvroSerializer serializer = new KafkaAvroSerializer(countingRegistry());
        serializer.close();
        serializer.close();
        assertEquals(1, releases.get());
    }

    @Test
    void aDeserializerClosedTwiceReleasesItsRegistryOnce() {
        KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer(countingRegistry());
        deserializer.close();
        deserializer.close();
        assertEquals(1, releases.get());
    }
}
