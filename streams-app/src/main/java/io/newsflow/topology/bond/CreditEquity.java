package io.newsflow.topology.bond;

import io.newsflow.avro.BondBookSummary;
import io.newsflow.avro.CreditEquityView;
import io.newsflow.metrics.PipelineMetrics;
import io.newsflow.topology.StoreNames;
import io.newsflow.topology.TopologySettings;
import io.newsflow.topology.context.ContextResult;
import io.newsflow.topology.context.HeldOutputs;
import io.newsflow.topology.context.Outputs;
import io.newsflow.topology.dlq.GuardedStatefulProcessor;
import io.newsflow.topology.market.PriceSeries;
import io.newsflow.topology.market.StoredPriceSeries;
import io.newsflow.topology.watermark.IdleSources;
import io.newsflow.topology.watermark.Watermarked;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Per issuer: its latest deal beside its equity return over {@code credit.equity.window} and its
 * news sentiment over the largest sentiment window, both as of the event time of the view (the
 * deal update's time, or the tick's). Divergent when the book is strong (oversubscription
 * at or above {@code bond.divergence.oversubscription}) while the stock is down at least
 * {@code bond.divergence.equity.return}, or the book is weak (below
 * {@code bond.divergence.weak.oversubscription}) while the stock rallied
 * {@code bond.divergence.equity.rally} or more.
 *
 * <p>Emitted on every deal update of the issuer, and on an issuer's tick only when it flips the
 * divergence flag (a view per tick would repeat itself thousands of times a day). With
 * {@code news.context.wait} (the default) both are computed in event time by {@link CreditViewWalk},
 * once the deal watermark has passed them and the issuer's closes up to them are final, so that the
 * same input gives the same views; in the latency-first profile a deal update's view is computed as it
 * arrives ({@link OnDeal}) and a flip on a new bucket's close
 * ({@link io.newsflow.topology.market.BucketCloseProcessor} calls {@link #onTick}). The news
 * sentiment is added, or the view held until the news has caught up, by {@link HeldOutputs}.
 */
public final class CreditEquity {

    private final TopologySettings settings;
    private final PipelineMetrics metrics;
    private final PriceSeries ticks;
    private final KeyValueStore<String, IssuerDeal> deals;
    private final KeyValueStore<String, CreditEquityView> views;
    private final KeyValueStore<String, String> viewSources;
    private final DealHistory history;
    /**
     * The view sources, read through: the tick step asks on every tick. An entry another instance
     * (the deal step) deleted may linger here, but a source names one input record, so it can only
     * match that record's replay, which comes after a restart, with a fresh cache.
     */
    private final Map<String, Optional<String>> flipSources = new HashMap<>();

    public CreditEquity(ProcessorContext<?, ?> context, TopologySettings settings, PipelineMetrics metrics,
            PriceSeries ticks) {
        this.settings = settings;
        this.metrics = metrics;
        this.ticks = ticks;
        this.deals = context.getStateStore(StoreNames.ISSUER_DEALS);
        this.views = context.getStateStore(StoreNames.CREDIT_VIEWS);
        this.viewSources = context.getStateStore(StoreNames.CREDIT_VIEW_SOURCES);
        this.history = new DealHistory(context);
    }

    /**
     * Records a deal update: the issuer's latest state of the deal and, with {@code news.context.wait}, the
     * deal history its views in event time are walked on ({@link CreditViewWalk}).
     */
    IssuerDeal onDeal(BondBookSummary summary) {
        String issuer = summary.getIssuerSymbol();
        IssuerDeal deal = new IssuerDeal(summary.getDealId(), issuer, summary.getStatus().name(),
                summary.getOrderBookSize(), summary.getOversubscription(), summary.getSpreadTighteningBps(),
                summary.getLastUpdateAt().toEpochMilli());
        deals.put(IssuerDeal.key(issuer, deal.dealId()), deal);
        if (settings.watermarks().newsContextWait()) {
            history.add(deal); // the views, flips and the alerts' open deals are judged on it, by event time
        }
        return deal;
    }

    /**
     * The deal update's view, emitted as it arrives: in the latency-first profile, and for an update
     * that comes after {@link CreditViewWalk} has passed its time. Its equity return takes the closes
     * that have arrived, so it may differ from one run to the next.
     */
    CreditEquityView viewOnArrival(IssuerDeal deal) {
        viewSources.delete(deal.issuerSymbol()); // a deal update emits its view every time, replayed or not
        return viewOf(deal);
    }

    /**
     * The deal update's view: as of the update's event time, not of the newest tick (in a replay the
     * ticks run ahead), on the prices strictly before the update (a tick of the same millisecond may be
     * taken before or after it).
     */
    CreditEquityView viewOf(IssuerDeal deal) {
        return record(view(deal.issuerSymbol(), deal, deal.lastUpdateAt(), deal.lastUpdateAt() - 1));
    }

    /**
     * The issuer's view when this tick flips its divergence flag; empty otherwise (and for
     * non-issuers). {@code source} names the tick (see {@link StoreNames#CREDIT_VIEW_SOURCES}): the
     * tick whose flip emitted the last view, replayed (at-least-once, after a crash), emits it again.
     */
    public Optional<CreditEquityView> onTick(String symbol, long time, Supplier<String> source) {
        CreditEquityView last = views.get(symbol);
        if (last == null || last.getDealId() == null) {
            return Optional.empty();
        }
        IssuerDeal deal = deals.get(IssuerDeal.key(symbol, last.getDealId()));
        if (deal == null) {
            return Optional.empty();
        }
        long asOf = Math.max(time, last.getAsOf().toEpochMilli());
        boolean divergent = divergent(deal.oversubscription(), equityReturn(symbol, asOf));
        if (divergent != last.getDivergent()) {
            String tick = source.get();
            viewSources.put(symbol, tick);
            flipSources.put(symbol, Optional.ofNullable(tick));
            return Optional.of(record(view(symbol, deal, asOf, asOf)));
        }
        return replayOf(symbol, source);
    }

    /**
     * The issuer's last view, if this tick is the one whose flip emitted it, processed again: a
     * replay after a crash finds the view already flipped and would emit nothing. Asked on every
     * tick, because the replayed tick may no longer open a bucket (the tick store kept it).
     */
    public Optional<CreditEquityView> replayOf(String symbol, Supplier<String> source) {
        Optional<String> flippedBy = flipSources.computeIfAbsent(symbol, s -> Optional.ofNullable(viewSources.get(s)));
        if (flippedBy.isEmpty() || !flippedBy.get().equals(source.get())) {
            return Optional.empty();
        }
        return Optional.ofNullable(views.get(symbol));
    }

    CreditEquityView record(CreditEquityView view) {
        views.put(view.getIssuerSymbol(), view);
        metrics.creditEquityDivergence(view.getIssuerSymbol(), view.getDivergent());
        return view;
    }

    /** Latest price at or before {@code asOf} against the price one credit window earlier. */
    Double equityReturn(String issuer, long asOf) {
        long window = settings.credit().equityWindow().millis();
        return ticks.change(issuer, asOf - window, asOf).map(PriceSeries.Return::value).orElse(null);
    }

    /**
     * The view as of {@code asOf}, with the equity return up to {@code pricesUpTo}, without its news
     * ({@link io.newsflow.topology.context.NewsContext} adds it).
     */
    CreditEquityView view(String issuer, IssuerDeal deal, long asOf, long pricesUpTo) {
        Double equityReturn = equityReturn(issuer, pricesUpTo);
        return CreditEquityView.newBuilder()
                .setIssuerSymbol(issuer)
                .setDealId(deal.dealId())
                .setOversubscription(deal.oversubscription())
                .setSpreadTighteningBps(deal.spreadTighteningBps())
                .setOrderBookSize(deal.orderBookSize())
                .setEquityReturn(equityReturn)
                .setEquityReturnWindow(settings.credit().equityWindow().label())
                .setNewsSentiment(null)
                .setArticleCount(0)
                .setDivergent(divergent(deal.oversubscription(), equityReturn))
                .setAsOf(Instant.ofEpochMilli(asOf))
                .build();
    }

    boolean divergent(double oversubscription, Double equityReturn) {
        if (equityReturn == null) {
            return false;
        }
        boolean strongBookWeakStock = oversubscription >= settings.credit().divergenceOversubscription()
                && equityReturn <= settings.credit().divergenceEquityReturn();
        boolean weakBookStrongStock = oversubscription < settings.credit().weakOversubscription()
                && equityReturn >= settings.credit().rallyEquityReturn();
        return strongBookWeakStock || weakBookStrongStock;
    }

    /**
     * Deal summaries re-keyed by issuer symbol, and the deal watermarks between them (null values,
     * {@link DealWatermarkFeed}). With {@code news.context.wait} a watermark that moves emits the views
     * of the deal updates and flips up to it ({@link CreditViewWalk}) and releases the alerts and views held for it
     * ({@link HeldOutputs}).
     */
    public static final class OnDeal extends GuardedStatefulProcessor<Watermarked<BondBookSummary>, ContextResult, CreditEquity> {

        /** The state stores this step uses (TopologyStores connects the step to them). */
        public static final List<String> STORES = List.of(StoreNames.CLOSE_POINTS, StoreNames.SENTIMENT_CONTRIBUTIONS,
                StoreNames.ISSUER_DEALS, StoreNames.CREDIT_VIEWS, StoreNames.CREDIT_VIEW_SOURCES,
                StoreNames.HELD_OUTPUTS, StoreNames.NEWS_WATERMARK, StoreNames.DEAL_HISTORY, StoreNames.DEAL_WATERMARKS,
                StoreNames.CREDIT_FLIP_WALKS);

        private final TopologySettings settings;
        /** The deal watermark's sources, skipped when quiet for {@code watermark.idle.timeout}. */
        private final IdleSources idle;
        /** The views wait here for their news context. */
        private HeldOutputs held;
        private DealWatermarks watermarks;
        private CreditViewWalk walk;

        public OnDeal(TopologySettings settings, PipelineMetrics metrics) {
            super(context -> new CreditEquity(context, settings, metrics,
                    StoredPriceSeries.of(context, StoreNames.CLOSE_POINTS, settings)));
            this.settings = settings;
            this.idle = IdleSources.of(PipelineMetrics.WATERMARK_STAGE_DEALS, settings,
                    () -> context.currentSystemTimeMs(), metrics);
        }

        @Override
        public void init(ProcessorContext<String, ContextResult> context) {
            super.init(context);
            held = new HeldOutputs(context, settings);
            walk = new CreditViewWalk(context, helper, StoredPriceSeries.of(context, StoreNames.CLOSE_POINTS, settings),
                    settings.ticks().resolution().millis());
            watermarks = new DealWatermarks(context, idle, settings.watermarks().topicPartitions(),
                    () -> held.earliestHeld().isPresent() || walk.pending(watermarks.gate()));
            if (settings.watermarks().newsContextWait()) {
                watermarks.regate(); // after a restart every source is waited for again
                IdleSources.scheduleChecks(context, settings, () -> {
                    if (watermarks.regate()) {
                        judgeAndRelease(context::forward);
                    }
                });
            }
        }

        @Override
        protected void handle(Record<String, Watermarked<BondBookSummary>> record, Output<ContextResult> out) {
            if (!(record.value() instanceof Watermarked.Value<BondBookSummary> summary)) {
                int source = DealWatermarkFeed.sourceOf(record.key());
                if (source >= 0 && watermarks.advance(source, record.timestamp())) {
                    judgeAndRelease(out::emit);
                }
                return;
            }
            IssuerDeal deal = helper.onDeal(summary.value());
            if (settings.watermarks().newsContextWait() && walk.awaits(deal)) {
                // its view comes from the walk in event time, once the deal watermark and the issuer's closes pass it;
                // an update behind the watermark already (a late one, or a new issuer's) is walked now, not at its next move
                if (deal.lastUpdateAt() <= watermarks.gate()) {
                    judgeAndRelease(out::emit);
                }
                return;
            }
            held.completeOrHold(helper.viewOnArrival(deal))
                    .ifPresent(view -> out.emit(view.getIssuerSymbol(), new ContextResult.CreditView(view),
                            view.getAsOf().toEpochMilli()));
        }

        /** The views up to the deal watermark, completed or held for their news, then every held record it releases. */
        private void judgeAndRelease(Consumer<Record<String, ContextResult>> emit) {
            long gate = watermarks.gate();
            long keepFrom = CreditViewWalk.keepFrom(gate, held.earliestHeld(), settings.sentiment().advance().millis());
            for (CreditEquityView view : walk.upTo(gate, keepFrom)) {
                held.completeOrHold(view).map(Outputs::recordOf).ifPresent(emit);
            }
            held.release().forEach(emit);
        }
    }
}
