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
 * Credit-view flips on ticks judged in event time ({@code news.context.wait}): once the deal
 * watermark has passed them, an issuer's ticks and deal updates are walked in event-time order (a
 * deal update before a tick of the same millisecond), each tick judged against the deal state of
 * the issuer's latest update at or before it ({@link DealHistory}) and against the divergence of the
 * issuer's view just before it (the last flip's, or the last deal update's, whose view takes the
 * prices strictly before the update, as {@link CreditEquity#onDeal} does). A flip emits the view as of
 * the tick. So which flips come out no longer depends on when the deal summaries arrived through
 * {@code bond-summaries-by-issuer}.
 *
 * <p>The ticks walked are the ticks the history keeps, one per {@code ticks.resolution} bucket (its
 * final tick once the next bucket has opened; before, its first tick or the tick of the last
 * flush): with one tick per bucket that is every tick. How far each issuer has been walked, and its
 * divergence there, is kept in {@code credit-flip-walks}.
 */
final class CreditFlips {

    private final CreditEquity credit;
    private final PriceSeries ticks;
    private final DealHistory history;
    private final KeyValueStore<String, FlipWalk> walks;
    private final long resolutionMs;

    /** @param resolutionMs {@code ticks.resolution}: a bucket is final here once the next one has opened */
    CreditFlips(ProcessorContext<?, ?> context, CreditEquity credit, PriceSeries ticks, long resolutionMs) {
        this.credit = credit;
        this.ticks = ticks;
        this.resolutionMs = resolutionMs;
        this.history = new DealHistory(context);
        this.walks = context.getStateStore(StoreNames.CREDIT_FLIP_WALKS);
    }

    /** An issuer has a deal: its flips are walked from then on. */
    void track(String issuer) {
        if (walks.get(issuer) == null) {
            walks.put(issuer, FlipWalk.start());
        }
    }

    /**
     * The flips of every tracked issuer up to {@code watermark} (the deal watermark), oldest first per
     * issuer; then, of each deal, the updates no record at or after {@code keepFrom} can ask for are dropped.
     */
    List<CreditEquityView> upTo(long watermark, long keepFrom) {
        List<KeyValue<String, FlipWalk>> tracked = new ArrayList<>();
        try (KeyValueIterator<String, FlipWalk> it = walks.all()) {
            it.forEachRemaining(tracked::add);
        }
        List<CreditEquityView> flips = new ArrayList<>();
        for (KeyValue<String, FlipWalk> issuer : tracked) {
            long to = Math.min(watermark, closedUpTo(issuer.key, watermark));
            if (to > issuer.value.walkedTo()) {
                walks.put(issuer.key, walk(issuer.key, issuer.value, to, flips));
                history.dropBefore(issuer.key, Math.min(to, keepFrom));
            }
        }
        return flips;
    }

    /** Whether a tracked issuer has ticks after {@code watermark} not judged yet. */
    boolean pending(long watermark) {
        try (KeyValueIterator<String, FlipWalk> it = walks.all()) {
            while (it.hasNext()) {
                KeyValue<String, FlipWalk> issuer = it.next();
                if (closedUpTo(issuer.key, Long.MIN_VALUE) > Math.max(watermark, issuer.value.walkedTo())) {
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

    private FlipWalk walk(String issuer, FlipWalk from, long to, List<CreditEquityView> flips) {
        Boolean divergent = from.divergent();
        List<IssuerDeal> deals = history.between(issuer, from.walkedTo() + 1, to);
        int next = 0;
        long at = from.walkedTo();
        long last = at;
        while (true) {
            Optional<PriceSeries.Point> tick = ticks.earliestAtOrAfter(issuer, at + 1).filter(p -> p.time() <= to);
            long tickTime = tick.map(PriceSeries.Point::time).orElse(Long.MAX_VALUE);
            while (next < deals.size() && deals.get(next).lastUpdateAt() <= tickTime) {
                IssuerDeal deal = deals.get(next++);
                divergent = credit.divergent(deal.oversubscription(),
                        credit.equityReturn(issuer, deal.lastUpdateAt() - 1));
                last = Math.max(last, deal.lastUpdateAt());
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
                flips.add(credit.record(credit.view(issuer, deal.get(), at, at)));
                divergent = now;
            }
        }
    }
}
