package io.newsflow.topology.bond;

import io.newsflow.avro.BondBookSummary;
import io.newsflow.topology.watermark.NullIsWatermark;
import org.apache.kafka.common.serialization.Serde;

/**
 * What {@code bond-summaries-by-issuer} carries to the ticker tasks' deal step ({@link CreditEquity.OnDeal}): the
 * book summaries, by issuer, and with {@code news.context.wait} the deal watermark of each bond-book task, to every
 * partition after the summaries it covers.
 */
public sealed interface DealEvent {

    /** A deal's book summary, for its issuer's credit view. */
    record Summary(BondBookSummary summary) implements DealEvent {
    }

    /**
     * A deal watermark ({@link DealWatermarkFeed}): every deal update of the sending task's partition (its key,
     * {@code deal-watermark|<partition>}) at or before this record's timestamp has been summarised and sent.
     */
    record Watermark() implements DealEvent {
    }

    Watermark WATERMARK = new Watermark();

    static boolean isWatermark(DealEvent event) {
        return event instanceof Watermark;
    }

    /** On the wire a summary is its {@link BondBookSummary} ({@code summaries}' format), a watermark a record without a value. */
    static Serde<DealEvent> serde(Serde<BondBookSummary> summaries) {
        return NullIsWatermark.serde(summaries, Summary::new,
                event -> event instanceof Summary summary ? summary.summary() : null, WATERMARK);
    }
}
