package io.newsflow.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Keys that do what they say: every key of a configuration that newsflow does not define must reach
 * a client that reads it (see {@link KafkaClientConfig} and the serdes' {@link #REGISTRY_PREFIXES}),
 * else it is an error naming the key it was probably meant to be. A top-level
 * {@code num.stream.threads} would otherwise be accepted and ignored (it reaches no client; the key
 * is {@code kafka.streams.num.stream.threads}), and so would {@code producer.lingr.ms}.
 */
public final class ClientKeyCheck {

    /** Key prefixes the Avro serdes and the registry clients read (Confluent's names). */
    public static final List<String> REGISTRY_PREFIXES = List.of("schema.registry.", "basic.auth.", "bearer.auth.");
    /** Single keys the Avro serdes read (Confluent's names). */
    public static final List<String> REGISTRY_KEYS = List.of("auto.register.schemas", "use.latest.version",
            "latest.compatibility.strict", "specific.avro.reader", "key.subject.name.strategy",
            "value.subject.name.strategy");

    /** Prefixes StreamsConfig gives a meaning to, inside {@code kafka.streams.*}. */
    private static final List<String> STREAMS_CLIENT_PREFIXES = List.of(StreamsConfig.PRODUCER_PREFIX,
            StreamsConfig.CONSUMER_PREFIX, StreamsConfig.MAIN_CONSUMER_PREFIX, StreamsConfig.RESTORE_CONSUMER_PREFIX,
            StreamsConfig.GLOBAL_CONSUMER_PREFIX, StreamsConfig.ADMIN_CLIENT_PREFIX, StreamsConfig.TOPIC_PREFIX);

    /** Loaded on first use: the serdes read {@link #REGISTRY_KEYS} without needing Streams' definitions. */
    private static final class Streams {
        static final Set<String> KEYS = union(StreamsConfig.configDef().names(),
                ProducerConfig.configNames(), ConsumerConfig.configNames(), AdminClientConfig.configNames());
    }

    private ClientKeyCheck() {
    }

    /**
     * Empty when {@code key} (not defined by {@link NewsflowConfigDef}, not in its namespaces) reaches
     * a client; else why not, with the key probably meant.
     */
    public static Optional<String> problem(String key) {
        if (KafkaClientConfig.isShared(key) || REGISTRY_KEYS.contains(key)
                || REGISTRY_PREFIXES.stream().anyMatch(key::startsWith)) {
            return Optional.empty();
        }
        if (key.startsWith(KafkaClientConfig.STREAMS_PREFIX)) {
            String inner = key.substring(KafkaClientConfig.STREAMS_PREFIX.length());
            if (Streams.KEYS.contains(inner) || STREAMS_CLIENT_PREFIXES.stream().anyMatch(inner::startsWith)) {
                return Optional.empty();
            }
            return Optional.of("is not a Kafka Streams setting" + meant(KafkaClientConfig.STREAMS_PREFIX, inner, Streams.KEYS));
        }
        Optional<String> prefixed = inClientFamily(key, KafkaClientConfig.PRODUCER_PREFIX, ProducerConfig.configNames(), "producer")
                .or(() -> inClientFamily(key, KafkaClientConfig.CONSUMER_PREFIX, ConsumerConfig.configNames(), "consumer"))
                .or(() -> inClientFamily(key, KafkaClientConfig.ADMIN_PREFIX, AdminClientConfig.configNames(), "admin client"));
        if (prefixed.isPresent()) {
            return prefixed.get().isEmpty() ? Optional.empty() : prefixed;
        }
        return Optional.of("reaches no client, so it would be ignored" + topLevelMeant(key));
    }

    /** Empty string when it is a valid key of the family; a problem when it is in the family but invalid; empty when not in it. */
    private static Optional<String> inClientFamily(String key, String prefix, Set<String> names, String client) {
        if (!key.startsWith(prefix)) {
            return Optional.empty();
        }
        String inner = key.substring(prefix.length());
        return Optional.of(names.contains(inner) ? "" : "is not a " + client + " setting" + meant(prefix, inner, names));
    }

    private static String topLevelMeant(String key) {
        if (StreamsConfig.configDef().names().contains(key)) {
            return "; did you mean '" + KafkaClientConfig.STREAMS_PREFIX + key + "'?";
        }
        boolean producer = ProducerConfig.configNames().contains(key);
        boolean consumer = ConsumerConfig.configNames().contains(key);
        boolean admin = AdminClientConfig.configNames().contains(key);
        if (producer || consumer || admin) {
            List<String> options = new java.util.ArrayList<>();
            if (producer) {
                options.add("'" + KafkaClientConfig.PRODUCER_PREFIX + key + "' (every producer)");
            }
            if (consumer) {
                options.add("'" + KafkaClientConfig.CONSUMER_PREFIX + key + "' (every consumer)");
            }
            if (admin) {
                options.add("'" + KafkaClientConfig.ADMIN_PREFIX + key + "' (every admin client)");
            }
            options.add("'" + KafkaClientConfig.STREAMS_PREFIX + key + "' (Kafka Streams only)");
            return "; did you mean " + String.join(" or ", options) + "?";
        }
        Set<String> candidates = union(NewsflowConfigDef.definition().names(), KafkaClientConfig.sharedKeys(),
                REGISTRY_KEYS);
        return closest(key, candidates).map(c -> "; did you mean '" + c + "'?")
                .orElse("; see docs/configuration.md for the keys");
    }

    private static String meant(String prefix, String inner, Collection<String> names) {
        return closest(inner, names).map(c -> "; did you mean '" + prefix + c + "'?")
                .orElse("; see the Kafka documentation of its keys");
    }

    /** The candidate at the smallest edit distance, if it is close enough to be a typo of it. */
    static Optional<String> closest(String key, Collection<String> candidates) {
        record Candidate(String name, int distance) {
        }
        return candidates.stream()
                .map(c -> new Candidate(c, editDistance(key, c)))
                .filter(c -> c.distance() <= Math.max(2, key.length() / 3))
                .min(Comparator.comparingInt(Candidate::distance).thenComparing(Candidate::name))
                .map(Candidate::name);
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    @SafeVarargs
    private static Set<String> union(Collection<String>... sets) {
        Set<String> all = new TreeSet<>();
        for (Collection<String> set : sets) {
            all.addAll(set);
        }
        return Set.copyOf(all);
    }
}
