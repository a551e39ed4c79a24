package io.newsflow.serde;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.newsflow.serde.registry.SchemaRegistryClient;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;
import java.io.Closeable;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

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

    static Stream<Named<Function<SchemaRegistryClient, Closeable>>> serdes() {
        return Stream.of(Named.of("serializer", KafkaAvroSerializer::new),
                Named.of("deserializer", KafkaAvroDeserializer::new));
    }

    @ParameterizedTest
    @MethodSource("serdes")
    void closedTwiceItReleasesItsRegistryOnce(Function<SchemaRegistryClient, Closeable> serde) throws Exception {
        Closeable closeable = serde.apply(countingRegistry());
        closeable.close();
        closeable.close();
        assertEquals(1, releases.get());
    }
}
