package io.newsflow.config;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** A key the user gives that would reach no client is refused, naming the key probably meant. */
class ClientKeyCheckTest {

    private static String refused(Map<String, String> env, Map<String, String> overrides) {
        return assertThrows(ConfigException.class, () -> AppConfig.load(null, env, overrides)).getMessage();
    }

    @Test
    void aStreamsKeyAtTheTopLevelNamesItsKafkaStreamsSpelling() {
        String message = refused(Map.of("NEWSFLOW_NUM_STREAM_THREADS", "2"), Map.of());

        assertTrue(message.contains("'num.stream.threads' (from environment NEWSFLOW_NUM_STREAM_THREADS)"), message);
        assertTrue(message.contains("reaches no client"), message);
        assertTrue(message.contains("did you mean 'kafka.streams.num.stream.threads'?"), message);
    }

    @Test
    void aClientKeyAtTheTopLevelNamesThePrefixesThatReachClients() {
        String message = refused(Map.of(), Map.of("linger.ms", "5"));

        assertTrue(message.contains("'producer.linger.ms' (every producer)"), message);
        assertTrue(message.contains("'kafka.streams.linger.ms' (Kafka Streams only)"), message);
    }

    @Test
    void aTypoInsideAPrefixNamesTheClosestKeyOfThatClient() {
        assertTrue(refused(Map.of(), Map.of("producer.lingr.ms", "5")).contains("did you mean 'producer.linger.ms'?"));
        assertTrue(refused(Map.of(), Map.of("consumer.max.pol.records", "5"))
                .contains("did you mean 'consumer.max.poll.records'?"));
        assertTrue(refused(Map.of(), Map.of("admin.request.timeout", "5"))
                .contains("did you mean 'admin.request.timeout.ms'?"));
        assertTrue(refused(Map.of(), Map.of("kafka.streams.num.stream.thread", "2"))
                .contains("did you mean 'kafka.streams.num.stream.threads'?"));
        assertTrue(refused(Map.of(), Map.of("ssl.truststore.locaton", "/x"))
                .contains("did you mean 'ssl.truststore.location'?"));
    }

    @Test
    void aTypoOfANewsflowKeyOutsideItsNamespacesNamesIt() {
        assertTrue(refused(Map.of(), Map.of("aplication.id", "x")).contains("did you mean 'application.id'?"));
        assertTrue(refused(Map.of(), Map.of("completely.unrelated", "x")).contains("see docs/configuration.md"));
    }

    @Test
    void keysThatReachAClientAreAccepted() {
        assertDoesNotThrow(() -> AppConfig.load(null, Map.of("NEWSFLOW_SECURITY_PROTOCOL", "SASL_SSL",
                "NEWSFLOW_SASL_MECHANISM", "SCRAM-SHA-512", "NEWSFLOW_SSL_TRUSTSTORE_LOCATION", "/etc/ts.p12"), Map.of(
                "sasl.jaas.config", "x", "producer.linger.ms", "5", "consumer.max.poll.records", "10",
                "admin.request.timeout.ms", "1000", "kafka.streams.num.stream.threads", "2",
                "kafka.streams.producer.acks", "all", "kafka.streams.main.consumer.fetch.max.bytes", "1000",
                "schema.registry.ssl.truststore.location", "/x", "bearer.auth.token", "t",
                "value.subject.name.strategy", "TopicNameStrategy")));
    }

    @Test
    void keysAddedByCodeAreNotChecked() {
        assertDoesNotThrow(() -> AppConfig.defaults().with("internal.helper.key", "x"));
    }
}
