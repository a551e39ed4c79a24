package io.newsflow.topology.dlq;

import io.newsflow.avro.DeadLetter;
import io.newsflow.metrics.PipelineMetrics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Builds {@link DeadLetter} records from the record being processed and counts them.
 *
 * <p>A dead letter must reach its topic whatever it carries: the payload is cut so that the whole
 * record stays below {@link InputLimits#deadLetterMaxBytes()} (the original length and SHA-256 are
 * kept instead), the key and the detail to a few KiB.
 */
public final class DeadLetters {

    /** Room left for everything but the payload: key, detail, topic name, Avro and batch overhead. */
    static final int OVERHEAD_BYTES = 16 * 1024;
    static final int MAX_KEY_BYTES = 1024;
    static final int MAX_DETAIL_CHARS = 2000;

    private final PipelineMetrics metrics;
    private final int maxPayloadBytes;

    public DeadLetters(PipelineMetrics metrics) {
        this(metrics, InputLimits.defaults().deadLetterMaxBytes());
    }

    /** @param maxRecordBytes the largest dead letter the producer and the topic accept */
    public DeadLetters(PipelineMetrics metrics, int maxRecordBytes) {
        this.metrics = metrics;
        this.maxPayloadBytes = maxPayloadBytes(maxRecordBytes);
        for (DeadLetterReason reason : DeadLetterReason.values()) {
            metrics.declareDeadLetterReason(reason.name());
        }
    }

    /** A dead letter of the input record at {@code origin} (made by an error handler, the one writer of dead letters). */
    public DeadLetter create(Origin origin, DeadLetterReason reason, String detail, byte[] key, byte[] payload,
            Long recordTimestamp, long failedAtMs) {
        metrics.deadLetter(reason.name());
        DeadLetter.Builder letter = DeadLetter.newBuilder()
                .setSourceTopic(origin.topic())
                .setPartition(origin.partition())
                .setOffset(origin.offset())
                .setReason(reason.name())
                .setDetail(abbreviate(detail == null ? reason.name() : detail))
                .setKey(key == null ? null : ByteBuffer.wrap(key.length > MAX_KEY_BYTES ? Arrays.copyOf(key, MAX_KEY_BYTES) : key))
                .setRecordTimestamp(recordTimestamp == null || recordTimestamp < 0 ? null : Instant.ofEpochMilli(recordTimestamp))
                .setFailedAt(Instant.ofEpochMilli(failedAtMs));
        if (payload != null && payload.length > maxPayloadBytes) {
            letter.setPayload(ByteBuffer.wrap(Arrays.copyOf(payload, maxPayloadBytes)))
                    .setPayloadLength((long) payload.length)
                    .setPayloadSha256(sha256(payload));
        } else {
            letter.setPayload(payload == null ? null : ByteBuffer.wrap(payload));
        }
        return letter.build();
    }

    /** The largest payload a dead letter of at most {@code maxRecordBytes} carries whole. */
    static int maxPayloadBytes(int maxRecordBytes) {
        return maxRecordBytes - OVERHEAD_BYTES;
    }

    public static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static String abbreviate(String detail) {
        return detail.length() <= MAX_DETAIL_CHARS ? detail
                : detail.substring(0, MAX_DETAIL_CHARS) + "... (" + detail.getBytes(StandardCharsets.UTF_8).length + " bytes)";
    }
}
