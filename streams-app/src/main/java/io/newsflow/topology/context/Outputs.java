package io.newsflow.topology.context;

import io.newsflow.avro.CreditEquityView;
import io.newsflow.avro.PriceMoveAlert;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Record;

/** The two kinds of output that carry a news context: their key, event time and stored form, in one place. */
public final class Outputs {

    static final String ALERT = "alert";
    static final String CREDIT = "credit";

    private Outputs() {
    }

    /** An alert's context is keyed by the alert id (alerts.price-move-context), a view by its issuer. */
    public static String keyOf(SpecificRecord record) {
        if (record instanceof PriceMoveAlert alert) {
            return alert.getAlertId();
        }
        return ((CreditEquityView) record).getIssuerSymbol();
    }

    /** The record's event time, which is also its record timestamp. */
    public static long timeOf(SpecificRecord record) {
        if (record instanceof PriceMoveAlert alert) {
            return alert.getTriggeredAt().toEpochMilli();
        }
        return ((CreditEquityView) record).getAsOf().toEpochMilli();
    }

    /** The record as Kafka Streams forwards it: keyed and timestamped as above, as the result it is. */
    public static Record<String, ContextResult> recordOf(SpecificRecord record) {
        return new Record<>(keyOf(record), ContextResult.of(record), timeOf(record));
    }

    static String typeOf(SpecificRecord record) {
        return record instanceof PriceMoveAlert ? ALERT : CREDIT;
    }

    static byte[] encode(SpecificRecord record) {
        try {
            ByteBuffer buffer = record instanceof PriceMoveAlert alert ? alert.toByteBuffer()
                    : ((CreditEquityView) record).toByteBuffer();
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SpecificRecord decode(String type, byte[] bytes) {
        try {
            return ALERT.equals(type) ? PriceMoveAlert.fromByteBuffer(ByteBuffer.wrap(bytes))
                    : CreditEquityView.fromByteBuffer(ByteBuffer.wrap(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
