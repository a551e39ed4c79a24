package io.newsflow.runtime;

import io.newsflow.config.AppConfig;
import io.newsflow.config.Topics;
import io.newsflow.serde.AvroSerdeConfig;
import io.newsflow.serde.KafkaAvroSerializer;
import io.newsflow.serde.registry.CompatibilityLevel;
import io.newsflow.serde.registry.SchemaRegistryClient;
import io.newsflow.serde.registry.SchemaRegistryClients;
import io.newsflow.topology.dlq.RegistryFaults;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The documented schema evolution policy, set in the registry as subject-level compatibility when
 * the pipeline's topics are set up: the value subjects of the input topics are FULL (producers and
 * the app deploy independently, so either may run the older schema); outputs keep the registry's
 * global level (BACKWARD by default: consumers of outputs upgrade first). A subject that has its own
 * level already keeps it, so an operator's choice is never overwritten.
 */
final class SchemaPolicy {

    static final CompatibilityLevel INPUTS = CompatibilityLevel.FULL;
    /** How long a registry outage at start is waited out before the app runs without the check. */
    static final Duration OUTAGE_WAIT = Duration.ofSeconds(30);

    private SchemaPolicy() {
    }

    /** Subject -> level: {@code <input topic>-value} (TopicNameStrategy) -> FULL. */
    static Map<String, CompatibilityLevel> subjectLevels() {
        Map<String, CompatibilityLevel> levels = new LinkedHashMap<>();
        Topics.INPUTS.forEach(topic -> levels.put(KafkaAvroSerializer.subjectName(topic, false), INPUTS));
        return levels;
    }

    /** Sets the level of every policy subject that has none yet; returns the subjects it set. */
    static List<String> apply(SchemaRegistryClient registry) {
        List<String> set = new ArrayList<>();
        subjectLevels().forEach((subject, level) -> {
            if (registry.subjectCompatibility(subject).isEmpty()) {
                registry.setSubjectCompatibility(subject, level);
                set.add(subject);
            }
        });
        return set;
    }

    /**
     * Applies the policy to the configured registry. An outage (no answer, 5xx: a broker still
     * electing the registry topic's leader, say) is retried with back-off for {@link #OUTAGE_WAIT};
     * a registry that still cannot be configured, or refuses config writes, is reported as a
     * warning: the app still runs, without the check.
     */
    static void apply(AppConfig config, PrintStream out) {
        long deadline = System.nanoTime() + OUTAGE_WAIT.toNanos();
        long backoff = 250;
        while (true) {
            try (SchemaRegistryClient registry = SchemaRegistryClients.create(
                    new AvroSerdeConfig(AvroSerdes.registryConfig(config)))) {
                List<String> set = apply(registry);
                if (!set.isEmpty()) {
                    out.println("Schema registry: " + INPUTS + " compatibility set for " + String.join(", ", set));
                }
                return;
            } catch (RuntimeException e) {
                if (!RegistryFaults.isOutage(e) || System.nanoTime() + backoff * 1_000_000 > deadline) {
                    out.println("warning: could not set the input subjects' compatibility to " + INPUTS + ": " + e.getMessage());
                    return;
                }
                out.println("Schema registry not answering, setting the input subjects' compatibility again in "
                        + backoff + " ms: " + e.getMessage());
            }
            try {
                Thread.sleep(backoff);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                out.println("warning: interrupted while setting the input subjects' compatibility to " + INPUTS);
                return;
            }
            backoff = Math.min(backoff * 2, 4_000);
        }
    }

    /**
     * For {@code newsflow broker}: applies the policy when the registry lives on this cluster
     * ({@code kafka://}); a registry elsewhere is configured by the app that uses it.
     */
    static void applyIfKafkaBacked(AppConfig config, PrintStream out) {
        if (AvroSerdes.registryUrl(config).startsWith(AvroSerdeConfig.KAFKA_SCHEME)) {
            apply(config, out);
        }
    }
}
