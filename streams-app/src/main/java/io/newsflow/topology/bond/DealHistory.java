package io.newsflow.topology.bond;

import io.newsflow.topology.StoreNames;
import io.newsflow.topology.state.TimeIndex;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.streams.processor.api.ProcessorContext;

/**
 * Every deal update of an issuer by event time ({@code deal-history}), so that a tick at t is judged
 * against the deal state of the latest update at or before t, whatever order the updates arrived in
 * through {@code bond-summaries-by-issuer}. Bounded by the deal watermark: of each deal, the updates
 * older than its latest one at or before the bound can no longer be asked for and are dropped.
 */
public final class DealHistory {

    private final TimeIndex<IssuerDeal> updates;

    public DealHistory(ProcessorContext<?, ?> context) {
        this.updates = new TimeIndex<>(context.getStateStore(StoreNames.DEAL_HISTORY));
    }

    void add(IssuerDeal deal) {
        updates.put(deal.issuerSymbol(), deal.lastUpdateAt(), deal.dealId(), deal);
    }

    /** The issuer's latest deal update at or before {@code time} (the deal its view is about). */
    Optional<IssuerDeal> latestAtOrBefore(String issuer, long time) {
        return updates.latestAtOrBefore(issuer, time).map(TimeIndex.Entry::value);
    }

    /** The issuer's deal updates with {@code from <= time <= to}, oldest first. */
    List<IssuerDeal> between(String issuer, long from, long to) {
        return updates.range(issuer, from, to).stream().map(TimeIndex.Entry::value).toList();
    }

    /** The ids of the issuer's deals open at {@code time}, each as of its latest update at or before it. */
    public List<String> openAt(String issuer, long time, long pricedWithinMs) {
        List<String> open = new ArrayList<>();
        asOf(issuer, time).values().forEach(deal -> {
            if (deal.isOpen(time, pricedWithinMs)) {
                open.add(deal.dealId());
            }
        });
        return open;
    }

    /** Drops, of each deal of the issuer, the updates older than its latest one at or before {@code bound}. */
    void dropBefore(String issuer, long bound) {
        Set<String> kept = new HashSet<>();
        List<TimeIndex.Entry<IssuerDeal>> entries = updates.range(issuer, 0, bound);
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (!kept.add(entries.get(i).value().dealId())) {
                updates.delete(entries.get(i).key());
            }
        }
    }

    /** deal id -> its state as of its latest update at or before {@code time}, in deal id order. */
    private Map<String, IssuerDeal> asOf(String issuer, long time) {
        Map<String, IssuerDeal> deals = new TreeMap<>();
        updates.range(issuer, 0, time).forEach(entry -> deals.put(entry.value().dealId(), entry.value()));
        return deals;
    }
}
