package io.newsflow.topology.context;

import io.newsflow.avro.CreditEquityView;
import io.newsflow.avro.PriceMoveAlert;
import io.newsflow.topology.StoreNames;
import io.newsflow.topology.TopologySettings;
import io.newsflow.topology.bond.DealHistory;
import io.newsflow.topology.bond.DealWatermarks;
import io.newsflow.topology.bond.IssuerDeal;
import io.newsflow.topology.dlq.Origin;
import io.newsflow.topology.state.TimeIndex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Alerts and credit views waiting for their news context ({@code news.context.wait}): a record whose
 * context ends ({@link NewsContext#end}) after the task's news gate is kept in {@code held-outputs},
 * keyed by that end, until the news watermark passes it; then it is completed from the recorded
 * scores and emitted ({@link NewsContextProcessor}). A record whose context the gate has passed
 * already (the ticks or the deal updates lag behind the news) is completed at once.
 *
 * <p>The gate is the news watermark, or the largest long while the watermark is skipped as idle
 * ({@code watermark.idle.timeout}); it lives in {@code news-watermark}, so that every step of the task
 * (tick step, deal step, news context) reads the same. A record also waits for the deal watermark's
 * gate ({@link DealWatermarks}, in {@code deal-watermarks}): an alert's open bond deals are those open
 * at its time, each as of its latest update at or before it ({@link DealHistory}), which are all in
 * once the deal watermark has passed it.
 */
public final class HeldOutputs {

    /**
     * A held record: its type ({@code alert}, {@code credit}), Avro single-object encoding, and the input
     * record it was made from (null when made in a punctuation, and in entries stored before it was kept).
     */
    public record Held(String type, byte[] record, Origin origin) {
    }

    private static final String GROUP = "held";
    private static final String WATERMARK = "watermark";
    private static final String GATE = "gate";

    private final ProcessorContext<?, ?> context;
    private final boolean wait;
    private final NewsContext news;
    private final TimeIndex<Held> held;
    private final KeyValueStore<String, Long> watermarks;
    private final KeyValueStore<String, Long> dealWatermarks;
    private final DealHistory deals;
    private final KeyValueStore<String, CreditEquityView> views;
    private final KeyValueStore<String, IssuerDeal> issuerDeals;
    private final long pricedWithinMs;

    public HeldOutputs(ProcessorContext<?, ?> context, TopologySettings settings) {
        this.context = context;
        this.wait = settings.watermarks().newsContextWait();
        this.dealWatermarks = context.getStateStore(StoreNames.DEAL_WATERMARKS);
        this.deals = new DealHistory(context);
        this.views = context.getStateStore(StoreNames.CREDIT_VIEWS);
        this.issuerDeals = context.getStateStore(StoreNames.ISSUER_DEALS);
        this.pricedWithinMs = settings.credit().openDealPricedWithin().millis();
        this.news = new NewsContext(settings, new TimeIndex<>(context.getStateStore(StoreNames.SENTIMENT_CONTRIBUTIONS)));
        this.held = new TimeIndex<>(context.getStateStore(StoreNames.HELD_OUTPUTS));
        this.watermarks = context.getStateStore(StoreNames.NEWS_WATERMARK);
    }

    /** The record completed with its news context when the gate has passed the context's end; otherwise held. */
    public <V extends SpecificRecord> Optional<V> completeOrHold(V record) {
        return completeOrHold(record, Origin.of(context.recordMetadata()).orElse(null));
    }

    /**
     * As {@link #completeOrHold(SpecificRecord)}, made from the input record {@code origin} (an alert comes
     * from the tick step through an internal topic and names its tick): a dead letter of it names that input.
     */
    @SuppressWarnings("unchecked")
    public <V extends SpecificRecord> Optional<V> completeOrHold(V record, Origin origin) {
        long end = news.end(record);
        if (!wait) {
            // the news scored so far, and the deals as they have arrived (latency-first profile)
            V completed = news.complete(record);
            if (completed instanceof PriceMoveAlert alert) {
                return Optional.of((V) PriceMoveAlert.newBuilder(alert)
                        .setOpenBondDeals(currentlyOpen(alert.getSymbol(), alert.getTriggeredAt().toEpochMilli()))
                        .build());
            }
            return Optional.of(completed);
        }
        if (end <= releasable()) {
            return Optional.of(completed(record));
        }
        byte[] bytes = Outputs.encode(record);
        String type = Outputs.typeOf(record);
        // the content hash tells a deal update's view from a flip's of the same issuer and time; a replay replaces
        // (an alert's key, its id, holds '|', the index's separator)
        String id = type + ":" + Outputs.keyOf(record).replace('|', '/') + ":" + Outputs.timeOf(record) + ":"
                + Integer.toHexString(Arrays.hashCode(bytes));
        held.put(GROUP, end, id, new Held(type, bytes, origin));
        return Optional.empty();
    }

    /** The issuer's deals open at {@code time} by their latest update that has arrived. */
    private List<String> currentlyOpen(String symbol, long time) {
        List<String> open = new ArrayList<>();
        try (KeyValueIterator<String, IssuerDeal> it = issuerDeals.prefixScan(symbol + "|", new StringSerializer())) {
            it.forEachRemaining(kv -> {
                if (kv.value.isOpen(time, pricedWithinMs)) {
                    open.add(kv.value.dealId());
                }
            });
        }
        return open;
    }

    /** Every score published at or before {@code watermark} has been recorded; false when that is not news. */
    boolean advance(long watermark) {
        Long before = watermarks.get(WATERMARK);
        if (before != null && watermark <= before) {
            return false;
        }
        watermarks.put(WATERMARK, watermark);
        watermarks.put(GATE, watermark); // a watermark that moves is waited for again
        return true;
    }

    /** The watermark is skipped as idle: nothing waits for it until it moves. */
    void skipWatermark() {
        watermarks.put(GATE, Long.MAX_VALUE);
    }

    /** After a restart, the watermark is waited for again: a skip lasts only while the task that decided it runs. */
    void waitAgain() {
        if (gate() == Long.MAX_VALUE) {
            Long watermark = watermarks.get(WATERMARK);
            watermarks.put(GATE, watermark == null ? Long.MIN_VALUE : watermark);
        }
    }

    /** The news watermark this task has received (not the gate, which an idle skip lifts): MIN_VALUE before any. */
    public long watermark() {
        Long watermark = watermarks.get(WATERMARK);
        return watermark == null ? Long.MIN_VALUE : watermark;
    }

    long gate() {
        Long gate = watermarks.get(GATE);
        return gate == null ? Long.MIN_VALUE : gate;
    }

    /** The news gate and the deal watermark's gate: a record whose context ends at or before it can be completed. */
    private long releasable() {
        return Math.min(gate(), DealWatermarks.gate(dealWatermarks));
    }

    /** The earliest context end of a held record, if any: no held record is about a time more than one sentiment advance before it. */
    public Optional<Long> earliestHeld() {
        return held.earliestAtOrAfter(GROUP, 0).map(TimeIndex.Entry::time);
    }

    /** With its news context and, for an alert, the deals open at its time. */
    @SuppressWarnings("unchecked")
    private <V extends SpecificRecord> V completed(V record) {
        V completed = news.complete(record);
        if (completed instanceof PriceMoveAlert alert) {
            return (V) PriceMoveAlert.newBuilder(alert)
                    .setOpenBondDeals(deals.openAt(alert.getSymbol(), alert.getTriggeredAt().toEpochMilli(), pricedWithinMs))
                    .build();
        }
        return completed;
    }

    boolean isEmpty() {
        return held.earliestAtOrAfter(GROUP, 0).isEmpty();
    }

    /**
     * The held records the gate has passed, completed, in order of their context's end (then type and key).
     * Each carries the {@link Origin} header of the input it was made from: the record being processed now is
     * a watermark (or none, in a punctuation), so a dead letter of it (a result the broker refuses) names
     * that input instead. The header does not leave the pipeline (the app's producer drops it).
     */
    public List<Record<String, ContextResult>> release() {
        List<Record<String, ContextResult>> out = new ArrayList<>();
        for (TimeIndex.Entry<Held> entry : held.range(GROUP, 0, Math.min(releasable(), TimeIndex.MAX_TIME))) {
            held.delete(entry.key());
            Record<String, ContextResult> released = Outputs.recordOf(
                    remembered(completed(Outputs.decode(entry.value().type(), entry.value().record()))));
            Origin origin = entry.value().origin();
            out.add(origin == null ? released : released.withHeaders(origin.headers()));
        }
        return out;
    }

    /** A credit view released is the issuer's latest view (the query API's) once it has its news, if still the latest. */
    private SpecificRecord remembered(SpecificRecord released) {
        if (released instanceof CreditEquityView view) {
            CreditEquityView last = views.get(view.getIssuerSymbol());
            if (last != null && last.getAsOf().equals(view.getAsOf()) && Objects.equals(last.getDealId(), view.getDealId())
                    && last.getDivergent() == view.getDivergent()) {
                views.put(view.getIssuerSymbol(), view);
            }
        }
        return released;
    }
}
