package io.newsflow.topology.bond;

import io.newsflow.avro.CreditEquityView;
import io.newsflow.topology.StoreNames;
import io.newsflow.topology.market.PriceSeries;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The credit views in event time ({@code news.context.wait}): once the deal watermark has passed them
 * and the issuer's bucket closes up to them are final, an issuer's deal updates and ticks are walked in
 * event-time order (a deal update before a tick of the same millisecond). Each deal update emits the
 * issuer's view as of the update, with the equity return on the prices strictly before it; each tick is
 * judged against the deal state of the issuer's latest update at or before it ({@link DealHistory}) and
 * against the divergence of the issuer's view just before it (the last flip's, or the last deal
 * update's), and a flip emits the view as of the tick. So which views come out, and what they say, no
 * longer depends on when the deal summaries (through {@code bond-summaries-by-issuer}) and the closes
 * (through {@code tick-closes}) arrived: a view computed when the deal update arrived would take the
 * issuer's closes that happened to be there.
 *
 * <p>The ticks walked are the ticks the history keeps, one per {@code ticks.resolution} bucket (its
 * final tick once the next bucket has opened; before, its first tick or the tick of the last
 * flush): with one tick per bucket that is every tick. How far each issuer has been walked, and its
 * divergence there, is kept in {@code credit-flip-walks}.
 */
public final class CreditViewWalk {

    private final CreditEquity credit;
    private final PriceSeries ticks;
    private final DealHistory history;
    private final KeyValueStore<String, FlipWalk> walks;
    private final long resolutionMs;

    /** @param resolutionMs {@code ticks.resolution}: a bucket is final here once the next one has opened */
    public CreditViewWalk(ProcessorContext<?, ?> context, CreditEquity credit, PriceSeries ticks, long resolutionMs) {
        this.credit = credit;
        this.ticks = ticks;
        this.resolutionMs = resolutionMs;
        this.history = new DealHistory(context);
        this.walks = context.getStateStore(StoreNames.CREDIT_FLIP_WALKS);
    }

    /**
     * A deal update has arrived: its issuer is walked from then on. True when the walk will emit the
     * update's view; false when the walk has passed its time already (a late update, or one that came
     * after every source was skipped as idle), whose view the caller emits at once.
     */
    boolean awaits(IssuerDeal deal) {
        FlipWalk walk = walks.get(deal.issuerSymbol());
        if (walk == null) {
            walks.put(deal.issuerSymbol(), FlipWalk.start());
            return true;
        }
        return deal.lastUpdateAt() > walk.walkedTo();
    }

    /**
     * The views of every tracked issuer up to {@code watermark} (the deal watermark): of each deal update
     * and each flip, oldest first per issuer; then, of each deal, the updates no record at or after
     * {@code keepFrom} can ask for are dropped.
     */
    List<CreditEquityView> upTo(long watermark, long keepFrom) {
        List<KeyValue<String, FlipWalk>> tracked = new ArrayList<>();
        try (KeyValueIterator<String, FlipWalk> it = walks.all()) {
            it.forEachRemaining(tracked::add);
        }
        List<CreditEquityView> views = new ArrayList<>();
        for (KeyValue<String, FlipWalk> issuer : tracked) {
            walkIssuer(issuer.key, issuer.value, watermark, keepFrom, views);
        }
        return views;
    }

    /**
     * As {@link #upTo} for one issuer whose new bucket has just opened in the bucket-close step: its
     * closes up to the bucket before are final now, so what waited for them (after the deal watermark
     * had passed) need not wait for the watermark's next move. Nothing for an issuer without a deal.
     */
    public List<CreditEquityView> onNewBucket(String issuer, long watermark, long keepFrom) {
        FlipWalk walk = walks.get(issuer);
        if (walk == null) {
            return List.of();
        }
        List<CreditEquityView> views = new ArrayList<>();
        walkIssuer(issuer, walk, watermark, keepFrom, views);
        return views;
    }

    /**
     * Of the deal history, what no held record can ask for any more: an alert held for its news is about
     * a time at most one sentiment advance before its context's end ({@code earliestHeld}).
     */
    public static long keepFrom(long watermark, Optional<Long> earliestHeld, long sentimentAdvanceMs) {
        return earliestHeld.map(end -> end - sentimentAdvanceMs - 1).orElse(watermark);
    }

    private void walkIssuer(String issuer, FlipWalk from, long watermark, long keepFrom, List<CreditEquityView> views) {
        long to = Math.min(watermark, closedUpTo(issuer, watermark));
        if (to > from.walkedTo()) {
            walks.put(issuer, walk(issuer, from, to, views));
            history.dropBefore(issuer, Math.min(to, keepFrom));
        }
    }

    /**
     * Whether a tracked issuer has ticks after {@code watermark} not judged yet, or deal updates whose view
     * is not out yet (they may wait for closes that never come: then only skipping idle sources sends them).
     */
    boolean pending(long watermark) {
        try (KeyValueIterator<String, FlipWalk> it = walks.all()) {
            while (it.hasNext()) {
                KeyValue<String, FlipWalk> issuer = it.next();
                long walkedTo = issuer.value.walkedTo();
                if (closedUpTo(issuer.key, Long.MIN_VALUE) > Math.max(watermark, walkedTo)
                        || !history.between(issuer.key, walkedTo + 1, Long.MAX_VALUE).isEmpty()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * How far the issuer's ticks are final in this task: up to the start of its newest bucket. The ticks
     * come as bucket closes through {@code tick-closes}, written by the tick step's task, which may lag
     * behind the deal watermark; a bucket's final tick always comes before the next bucket's first, so
     * the buckets before the newest are complete. Past every source skipped as idle
     * ({@code watermark} = MAX_VALUE) everything that has come is walked.
     */
    private long closedUpTo(String issuer, long watermark) {
        if (watermark == Long.MAX_VALUE) {
            return watermark;
        }
        return ticks.latest(issuer).map(p -> Math.floorDiv(p.time(), resolutionMs) * resolutionMs - 1)
                .orElse(Long.MIN_VALUE);
    }

    private FlipWalk walk(String issuer, FlipWalk from, long to, List<CreditEquityView> views) {
        Boolean divergent = from.divergent();
        List<IssuerDeal> deals = history.between(issuer, from.walkedTo() + 1, to);
        int next = 0;
        long at = from.walkedTo();
        long last = at;
        while (true) {
            Optional<PriceSeries.Point> tick = ticks.earliestAtOrAfter(issuer, at + 1).filter(p -> p.time() <= to);
            long tickTime = tick.map(PriceSeries.Point::time).orElse(Long.MAX_VALUE);
            while (next < deals.size() && deals.get(next).lastUpdateAt() <= tickTime) {
                CreditEquityView view = credit.viewOf(deals.get(next++));
                views.add(view);
                divergent = view.getDivergent();
                last = Math.max(last, view.getAsOf().toEpochMilli());
            }
            if (tick.isEmpty()) {
                // past every source skipped as idle (to = MAX_VALUE): walked as far as what has come
                return new FlipWalk(to == Long.MAX_VALUE ? last : to, divergent);
            }
            last = tickTime;
            at = tickTime;
            Optional<IssuerDeal> deal = history.latestAtOrBefore(issuer, at);
            if (divergent == null || deal.isEmpty()) {
                continue;
            }
            boolean now = credit.divergent(deal.get().oversubscription(), credit.equityReturn(issuer, at));
            if (now != divergent) {
                views.add(credit.record(credit.view(issuer, deal.get(), at, at)));
                divergent = now;
            }
        }
    }
}
