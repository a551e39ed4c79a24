package io.newsflow.topology.dlq;

/**
 * Values the event-time extractor has just decoded, handed to the decode step of the same input so
 * that each record is decoded once, not twice (the extractor runs on a record shortly before the
 * record is processed, on the same stream thread).
 *
 * <p>A small per-thread ring matched by the identity of the record's value bytes: a miss only costs
 * the second decode, and an entry can never answer for another record.
 */
public final class DecodedValues<T> {

    private static final int SLOTS = 16;

    private final ThreadLocal<Ring> rings = ThreadLocal.withInitial(Ring::new);

    public void put(byte[] bytes, T value) {
        Ring ring = rings.get();
        ring.bytes[ring.next] = bytes;
        ring.values[ring.next] = value;
        ring.next = (ring.next + 1) % SLOTS;
    }

    /** The value decoded from exactly these bytes, or null; the entry is cleared. */
    @SuppressWarnings("unchecked")
    public T take(byte[] bytes) {
        Ring ring = rings.get();
        for (int i = 0; i < SLOTS; i++) {
            if (ring.bytes[i] == bytes) {
                T value = (T) ring.values[i];
                ring.bytes[i] = null;
                ring.values[i] = null;
                return value;
            }
        }
        return null;
    }

    private static final class Ring {
        private final byte[][] bytes = new byte[SLOTS][];
        private final Object[] values = new Object[SLOTS];
        private int next;
    }
}
