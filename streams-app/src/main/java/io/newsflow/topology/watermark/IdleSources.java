package io.newsflow.topology.watermark;

import io.newsflow.metrics.PipelineMetrics;
import io.newsflow.topology.TopologySettings;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The liveness escape of a step that waits for watermarks ({@code watermark.idle.timeout}, like
 * Kafka's {@code max.task.idle.ms}): a source whose watermark has not moved for the timeout, on
 * the wall clock, is skipped until it moves again, so that one quiet source cannot hold
 * everything back forever. Skipping is the one place where wall-clock time, and so
 * non-determinism, comes back: it is logged and counted ({@code newsflow_watermark_idle_skips_total}
 * by stage) each time a source starts being skipped.
 *
 * <p>Quiet time counts only while the step holds something back ({@link #holding}), from the later of
 * the source's last move and the moment the step started holding: as with Kafka's idling, a source is
 * not given up on for being slow to start while nothing waits for it. The clock is the task's
 * ({@code ProcessorContext#currentSystemTimeMs}), so a restart waits the full timeout again.
 */
public final class IdleSources {

    private static final Logger LOG = LoggerFactory.getLogger(IdleSources.class);
    /** How often a waiting step looks, on the wall clock, for sources gone quiet. */
    private static final Duration CHECK_INTERVAL = Duration.ofSeconds(1);

    private final String stage;
    private final long timeoutMs;
    private final LongSupplier wallClock;
    private final PipelineMetrics metrics;
    /** Wall-clock time since when the step holds something back; MIN_VALUE while it holds nothing. */
    private long holdingSince = Long.MIN_VALUE;
    private final Map<Integer, Long> lastMoved = new HashMap<>();
    private final Set<Integer> skipped = new HashSet<>();

    /** @param timeout {@code watermark.idle.timeout}; zero ({@code 0s}) never skips (strictly deterministic, no liveness escape) */
    public IdleSources(String stage, Duration timeout, LongSupplier wallClock, PipelineMetrics metrics) {
        this.stage = stage;
        this.timeoutMs = timeout.toMillis();
        this.wallClock = wallClock;
        this.metrics = metrics;
    }

    /** The escape of the step {@code stage} after the configured {@code watermark.idle.timeout}. */
    public static IdleSources of(String stage, TopologySettings settings, LongSupplier wallClock, PipelineMetrics metrics) {
        return new IdleSources(stage, settings.watermarks().idleTimeout().duration(), wallClock, metrics);
    }

    /**
     * Schedules a waiting step's {@code check} for quiet sources every second on the wall clock, unless
     * {@code watermark.idle.timeout} is zero (no source is ever skipped, so there is nothing to check).
     */
    public static void scheduleChecks(ProcessorContext<?, ?> context, TopologySettings settings, Runnable check) {
        if (settings.watermarks().idleTimeout().millis() > 0) {
            context.schedule(CHECK_INTERVAL, PunctuationType.WALL_CLOCK_TIME, now -> check.run());
        }
    }

    /** Whether the step holds anything back now (buffered articles, held outputs): only then can a source be idle. */
    public void holding(boolean anything) {
        if (!anything) {
            holdingSince = Long.MIN_VALUE;
        } else if (holdingSince == Long.MIN_VALUE) {
            holdingSince = wallClock.getAsLong();
        }
    }

    /** The source's watermark moved: it is waited for again. */
    public void moved(int source) {
        lastMoved.put(source, wallClock.getAsLong());
        if (skipped.remove(source)) {
            LOG.info("{}: watermark of source {} moves again, waited for again", stage, source);
        }
    }

    /** Whether the source has been quiet for the timeout and is to be skipped (logged and counted when it starts). */
    public boolean skip(int source, long watermark) {
        if (timeoutMs <= 0 || holdingSince == Long.MIN_VALUE) {
            return false;
        }
        long quietFor = wallClock.getAsLong() - Math.max(lastMoved.getOrDefault(source, holdingSince), holdingSince);
        if (quietFor < timeoutMs) {
            return false;
        }
        if (skipped.add(source)) {
            LOG.warn("{}: watermark of source {} has not moved for {} ms (at {}); skipped until it moves: what it"
                    + " sends later than this is taken when it comes, not in event-time order", stage, source,
                    quietFor, watermark == Long.MIN_VALUE ? "none yet" : Long.toString(watermark));
            metrics.watermarkIdleSkip(stage);
        }
        return true;
    }
}
