package io.newsflow.topology.bond;

import io.newsflow.avro.BondBookSummary;
import io.newsflow.avro.BondBookUpdate;
import io.newsflow.metrics.PipelineMetrics;
import io.newsflow.topology.StoreNames;
import io.newsflow.topology.dlq.GuardedProcessor;
import java.util.List;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/** Folds each deal's book updates into a {@link BondBookSummary} (keyed by deal id). */
public class BondBookProcessor extends GuardedProcessor<BondBookUpdate, BondBookSummary> {

    /** The state stores this step uses (TopologyStores connects the step to them). */
    public static final List<String> STORES = List.of(StoreNames.BOND_DEALS, StoreNames.BOND_TRANCHES);

    private final PipelineMetrics metrics;
    private KeyValueStore<String, DealState> deals;
    private KeyValueStore<String, TrancheBook> tranches;

    public BondBookProcessor(PipelineMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, BondBookSummary> context) {
        super.init(context);
        deals = context.getStateStore(StoreNames.BOND_DEALS);
        tranches = context.getStateStore(StoreNames.BOND_TRANCHES);
    }

    @Override
    protected void handle(Record<String, BondBookUpdate> record, Output<BondBookSummary> out) {
        BondBookUpdate update = record.value();
        DealState previous = deals.get(update.getDealId());
        DealState state = previous == null ? DealState.first(update) : previous.apply(update);
        deals.put(state.dealId(), state);
        String issuer = state.issuerSymbol() != null ? state.issuerSymbol() : state.issuerName();
        metrics.bondBook(state.dealId(), issuer, state.currency(), state.orderBookSize(), state.targetSize(),
                state.oversubscription(), state.currentSpreadBps(), state.spreadTighteningBps());
        // issue 23: each tranche from initial price talk to launch
        TrancheBook book = java.util.Objects.requireNonNullElse(tranches.get(state.dealId()), TrancheBook.empty())
                .apply(update);
        tranches.put(state.dealId(), book);
        BondBookSummary summary = state.summary();
        summary.setTranches(book.summaries());
        out.emit(state.dealId(), summary, state.lastUpdateAt());
    }
}
