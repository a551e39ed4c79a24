package io.newsflow.topology.article;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Compact binary form of a {@link NoveltyState.Fingerprint}: every article is compared with every
 * stored fingerprint, so reading them must be cheap (JSON for 128 longs x thousands is not).
 * Layout: id length, id, language length, language, signature length, signature longs.
 */
public final class FingerprintSerde implements Serde<NoveltyState.Fingerprint> {

    @Override
    public Serializer<NoveltyState.Fingerprint> serializer() {
        return (topic, fp) -> {
            if (fp == null) {
                return null;
            }
            byte[] id = fp.articleId().getBytes(StandardCharsets.UTF_8);
            byte[] language = (fp.language() == null ? "" : fp.language()).getBytes(StandardCharsets.UTF_8);
            long[] signature = fp.signature();
            ByteBuffer buffer = ByteBuffer.allocate(12 + id.length + language.length + 8 * signature.length);
            buffer.putInt(id.length).put(id).putInt(language.length).put(language).putInt(signature.length);
            for (long value : signature) {
                buffer.putLong(value);
            }
            return buffer.array();
        };
    }

    @Override
    public Deserializer<NoveltyState.Fingerprint> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            String id = string(buffer);
            String language = string(buffer);
            long[] signature = new long[buffer.getInt()];
            for (int i = 0; i < signature.length; i++) {
                signature[i] = buffer.getLong();
            }
            return new NoveltyState.Fingerprint(id, language, signature);
        };
    }

    private static String string(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.getInt()];
        buffer.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
