package io.newsflow.runtime.errors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.newsflow.avro.DeadLetter;
import io.newsflow.config.Topics;
import io.newsflow.metrics.Degradations;
import io.newsflow.topology.dlq.DeadLetters;
import io.newsflow.topology.dlq.RegistryFaults;
import java.time.Instant;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Before the stream threads start: the dead-letter schema is registered (or looked up), waiting
 * with back-off while the schema registry does not answer, with the reason on {@code /health}. A
 * cold app that could not write dead letters would otherwise fail its stream thread on the first
 * bad record, again and again.
 */
public final class RegistryWarmUp {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryWarmUp.class);

    private RegistryWarmUp() {
    }

    public static void awaitDeadLetterSchema(Serializer<DeadLetter> serializer, Degradations degradations)
            throws java.io.InterruptedIOException {
        DeadLetter sample = DeadLetter.newBuilder().setSourceTopic(Topics.DEAD_LETTERS).setPartition(-1).setOffset(-1)
                .setReason("WARM_UP").setDetail("schema registration at start").setFailedAt(Instant.EPOCH).build();
        long backoff = 500;
        while (true) {
            try {
                serializer.serialize(Topics.DEAD_LETTERS, sample);
                degradations.clear(RegistryFaults.SOURCE);
                return;
            } catch (RuntimeException e) {
                if (!RegistryFaults.isOutage(e)) {
                    // e.g. auto.register.schemas=false and the schema not registered yet: the
                    // registry answers, which is all this waits for; the dead letters report the rest
                    LOG.warn("cannot register the dead-letter schema: " + DeadLetters.describe(e));
                    degradations.clear(RegistryFaults.SOURCE);
                    return;
                }
                degradations.report(RegistryFaults.SOURCE, "waiting for the schema registry to register the "
                        + "dead-letter schema before starting: " + DeadLetters.describe(e));
                LOG.warn("Schema registry unavailable, retrying in " + backoff + " ms: " + DeadLetters.describe(e));
            }
            try {
                Thread.sleep(backoff);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while waiting for the schema registry");
            }
            backoff = Math.min(backoff * 2, 10_000);
        }
    }
}
