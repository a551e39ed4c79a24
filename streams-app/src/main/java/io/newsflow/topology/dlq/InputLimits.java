package io.newsflow.topology.dlq;

import io.newsflow.config.AppConfig;
import io.newsflow.config.DurationParser;
import io.newsflow.config.NewsflowConfigDef;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What the pipeline accepts from its inputs beyond their own rules, and how big a dead letter may be.
 *
 * <p>An event time becomes the record's Kafka timestamp and the timestamp of every result derived
 * from it, and brokers reject timestamps too far from their clock ({@code log.message.timestamp.after.max.ms},
 * one hour by default since Kafka 4.0; {@code log.message.timestamp.before.max.ms}, unbounded by
 * default). A record whose event time lies outside the window below is therefore dead-lettered as
 * {@link DeadLetterReason#INVALID_TIMESTAMP} at decode, before it can make an output the broker refuses.
 *
 * @param maxFutureSkew      {@code input.max.future.skew}: how far ahead of the wall clock an event time may
 *                           be (keep it below the output topics' {@code message.timestamp.after.max.ms})
 * @param maxPastAge         {@code input.max.past.age}: how far behind the wall clock an event time may be;
 *                           empty (the default) = no bound, so that replays of old data are accepted, as the
 *                           broker does by default (set it at most to {@code message.timestamp.before.max.ms}
 *                           when the broker has one)
 * @param deadLetterMaxBytes {@code dead.letter.max.bytes}: a dead letter's payload is truncated (keeping its
 *                           length and SHA-256) so that the whole record stays below this (by default
 *                           the producer's default {@code max.request.size}; the app lowers it to the configured
 *                           {@code max.request.size} and to the dead-letter topic's {@code max.message.bytes})
 */
public record InputLimits(Duration maxFutureSkew, Duration maxPastAge, int deadLetterMaxBytes) {

    public static final String MAX_FUTURE_SKEW = "input.max.future.skew";
    public static final String MAX_PAST_AGE = "input.max.past.age";
    public static final String DEAD_LETTER_MAX_BYTES = "dead.letter.max.bytes";

    /** The largest input a dead letter carries whole: {@link #deadLetterMaxBytes} less the room for its metadata. */
    public int deadLetterMaxPayloadBytes() {
        return DeadLetters.maxPayloadBytes(deadLetterMaxBytes);
    }

    /** Smallest {@link #deadLetterMaxBytes}: room for the metadata and a useful part of the payload. */
    static final int MIN_DEAD_LETTER_BYTES = NewsflowConfigDef.MIN_DEAD_LETTER_BYTES;

    public InputLimits {
        if (maxFutureSkew.isNegative() || (maxPastAge != null && maxPastAge.isNegative())) {
            throw new IllegalArgumentException(MAX_FUTURE_SKEW + " and " + MAX_PAST_AGE + " must not be negative");
        }
        if (deadLetterMaxBytes < MIN_DEAD_LETTER_BYTES) {
            throw new IllegalArgumentException(DEAD_LETTER_MAX_BYTES + " must be at least " + MIN_DEAD_LETTER_BYTES
                    + ", was " + deadLetterMaxBytes);
        }
    }

    public static InputLimits defaults() {
        return fromMap(Map.of());
    }

    /** The limits in {@code map}, the others at their defaults from {@link NewsflowConfigDef}. */
    public static InputLimits fromMap(Map<String, String> map) {
        AppConfig config = AppConfig.defaults().with(map);
        return new InputLimits(config.getDuration(MAX_FUTURE_SKEW),
                config.getOptional(MAX_PAST_AGE).map(DurationParser::parse).orElse(null),
                config.getInt(DEAD_LETTER_MAX_BYTES));
    }

    /** The same limits with dead letters kept below {@code maxBytes} too. */
    public InputLimits withDeadLetterMaxBytesAtMost(int maxBytes) {
        return new InputLimits(maxFutureSkew, maxPastAge, Math.max(MIN_DEAD_LETTER_BYTES, Math.min(deadLetterMaxBytes, maxBytes)));
    }

    /** Why {@code eventTime} is not acceptable at wall-clock time {@code nowMs}, if it is not. */
    public Optional<String> eventTimeViolation(Instant eventTime, long nowMs) {
        if (eventTime == null || eventTime.toEpochMilli() <= 0) {
            return Optional.of("event time " + eventTime);
        }
        long millis = eventTime.toEpochMilli();
        if (millis - nowMs > maxFutureSkew.toMillis()) {
            return Optional.of("event time " + eventTime + " is more than " + MAX_FUTURE_SKEW + "=" + maxFutureSkew
                    + " ahead of the wall clock " + Instant.ofEpochMilli(nowMs));
        }
        if (maxPastAge != null && nowMs - millis > maxPastAge.toMillis()) {
            return Optional.of("event time " + eventTime + " is more than " + MAX_PAST_AGE + "=" + maxPastAge
                    + " behind the wall clock " + Instant.ofEpochMilli(nowMs));
        }
        return Optional.empty();
    }

    public boolean acceptsEventTime(Instant eventTime, long nowMs) {
        return eventTimeViolation(eventTime, nowMs).isEmpty();
    }
}
