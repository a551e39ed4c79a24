package io.newsflow.topology.alert;

/**
 * The move a symbol+window is currently "in": no further alert until it ends.
 *
 * @param source the tick that raised the alert ({@code topic/partition@offset}), and {@code alert} the
 *               alert as emitted (Avro single-object encoding): a replay of that very tick (at-least-once,
 *               after a crash) emits it again. Both null in states written before they existed.
 */
public record AlertState(String alertId, String direction, long startTime, long triggeredAt, String source,
        byte[] alert) {

    /** Whether {@code source} is the tick that raised this alert, and the alert is known. */
    public boolean raisedBy(String source) {
        return source != null && source.equals(this.source) && alert != null;
    }
}
