package io.newsflow.config;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The one place that builds the properties of newsflow's Kafka clients: Kafka Streams, every Admin,
 * the CLI producers and consumers and the {@code kafka://} schema registry's clients. Keys are
 * Kafka's own:
 * <ul>
 *   <li>{@code bootstrap.servers} and the connection's security ({@code security.protocol},
 *       {@code sasl.*}, {@code ssl.*}: {@link #sharedKeys()}) at the top level go to <b>every</b> client;</li>
 *   <li>{@code producer.*}, {@code consumer.*} and {@code admin.*} go to every producer, consumer or
 *       admin client, Kafka Streams' own included: the prefixes mean what {@code StreamsConfig}
 *       means by them (to Streams they are passed with the prefix, and Streams strips it);</li>
 *   <li>{@code kafka.streams.*} goes to Kafka Streams alone, prefix removed, and wins over the above
 *       there ({@code kafka.streams.producer.acks} for Streams' producers only).</li>
 * </ul>
 * A client-specific setting newsflow needs (an isolation level, a client id) is put on top by the
 * caller. {@link ClientKeyCheck} refuses keys that would reach no client.
 */
public final class KafkaClientConfig {

    public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
    public static final String SECURITY_PROTOCOL = "security.protocol";
    public static final String PRODUCER_PREFIX = "producer.";
    public static final String CONSUMER_PREFIX = "consumer.";
    public static final String ADMIN_PREFIX = "admin.";
    public static final String STREAMS_PREFIX = "kafka.streams.";


    private KafkaClientConfig() {
    }

    /** {@code bootstrap.servers} (when set) and the shared security keys. */
    public static Map<String, Object> shared(AppConfig config) {
        Map<String, Object> out = new TreeMap<>();
        config.getOptional(BOOTSTRAP_SERVERS).ifPresent(b -> out.put(BOOTSTRAP_SERVERS, b));
        for (String key : sharedKeys()) {
            config.getOptional(key).ifPresent(v -> out.put(key, v));
        }
        return out;
    }

    public static Map<String, Object> admin(AppConfig config) {
        return with(shared(config), config.withPrefix(ADMIN_PREFIX));
    }

    public static Map<String, Object> producer(AppConfig config) {
        return with(shared(config), config.withPrefix(PRODUCER_PREFIX));
    }

    public static Map<String, Object> consumer(AppConfig config) {
        return with(shared(config), config.withPrefix(CONSUMER_PREFIX));
    }

    /** For Kafka Streams: shared keys, {@code producer.*}/{@code consumer.*}/{@code admin.*} as prefixed, then {@code kafka.streams.*}. */
    public static Map<String, Object> streams(AppConfig config) {
        Map<String, Object> out = shared(config);
        config.asMap().forEach((key, value) -> {
            if (key.startsWith(PRODUCER_PREFIX) || key.startsWith(CONSUMER_PREFIX) || key.startsWith(ADMIN_PREFIX)) {
                out.put(key, value);
            }
        });
        out.putAll(config.withPrefix(STREAMS_PREFIX));
        return out;
    }

    /** Whether {@code key} is a connection-security key that every client receives. */
    public static boolean isShared(String key) {
        // the prefix test first: most configurations hold none, and need not load the clients' definitions
        return (key.equals(SECURITY_PROTOCOL) || key.startsWith("sasl.") || key.startsWith("ssl."))
                && sharedKeys().contains(key);
    }

    /**
     * The security settings every kind of client understands: {@code security.protocol} and the
     * {@code sasl.*} and {@code ssl.*} keys that producers, consumers and admin clients all define.
     */
    public static Set<String> sharedKeys() {
        return Shared.KEYS;
    }

    /** Computed on first use: loading the clients' definitions takes a moment. */
    private static final class Shared {
        static final Set<String> KEYS = computeSharedKeys();
    }

    private static Map<String, Object> with(Map<String, Object> base, Map<String, Object> specific) {
        base.putAll(specific);
        return base;
    }

    private static Set<String> computeSharedKeys() {
        Set<String> keys = new TreeSet<>(AdminClientConfig.configNames());
        keys.retainAll(ProducerConfig.configNames());
        keys.retainAll(ConsumerConfig.configNames());
        keys.removeIf(k -> !k.equals(SECURITY_PROTOCOL) && !k.startsWith("sasl.") && !k.startsWith("ssl."));
        return Set.copyOf(keys);
    }
}
