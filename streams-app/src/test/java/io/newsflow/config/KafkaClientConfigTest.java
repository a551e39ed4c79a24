package io.newsflow.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every kind of client gets the connection's security; the prefixes mean what StreamsConfig means. */
class KafkaClientConfigTest {

    private final AppConfig config = AppConfig.load(null, Map.of(), Map.of(
            "bootstrap.servers", "kafka:9093",
            "security.protocol", "SASL_SSL",
            "sasl.mechanism", "SCRAM-SHA-512",
            "ssl.truststore.location", "/etc/ts.p12",
            "producer.linger.ms", "7",
            "consumer.max.poll.records", "11",
            "admin.request.timeout.ms", "13000",
            "kafka.streams.num.stream.threads", "2",
            "kafka.streams.producer.linger.ms", "3"));

    @Test
    void everyClientGetsTheClusterAndItsSecurity() {
        for (Map<String, Object> client : new Map[] {KafkaClientConfig.admin(config), KafkaClientConfig.producer(config),
                KafkaClientConfig.consumer(config), KafkaClientConfig.streams(config)}) {
            assertEquals("kafka:9093", client.get("bootstrap.servers"));
            assertEquals("SASL_SSL", client.get("security.protocol"));
            assertEquals("SCRAM-SHA-512", client.get("sasl.mechanism"));
            assertEquals("/etc/ts.p12", client.get("ssl.truststore.location"));
        }
    }

    @Test
    void eachPrefixReachesItsKindOfClientOnly() {
        assertEquals("7", KafkaClientConfig.producer(config).get("linger.ms"));
        assertFalse(KafkaClientConfig.consumer(config).containsKey("linger.ms"));
        assertEquals("11", KafkaClientConfig.consumer(config).get("max.poll.records"));
        assertEquals("13000", KafkaClientConfig.admin(config).get("request.timeout.ms"));
        assertFalse(KafkaClientConfig.admin(config).containsKey("num.stream.threads"));
    }

    @Test
    void streamsGetsThePrefixedKeysAsStreamsConfigReadsThemAndItsOwnWin() {
        Map<String, Object> streams = KafkaClientConfig.streams(config);

        assertEquals("2", streams.get("num.stream.threads"));
        assertEquals("11", streams.get("consumer.max.poll.records"));
        assertEquals("13000", streams.get("admin.request.timeout.ms"));
        assertEquals("3", streams.get("producer.linger.ms"), "kafka.streams.producer.* wins over producer.*");
    }

    @Test
    void theSharedKeysAreTheSecurityKeysOfEveryClient() {
        assertTrue(KafkaClientConfig.sharedKeys().contains("sasl.jaas.config"));
        assertTrue(KafkaClientConfig.sharedKeys().contains("ssl.keystore.location"));
        assertTrue(KafkaClientConfig.sharedKeys().contains("sasl.login.callback.handler.class"));
        assertFalse(KafkaClientConfig.sharedKeys().contains("bootstrap.servers"));
    }
}
