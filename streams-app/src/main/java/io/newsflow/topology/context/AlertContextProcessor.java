package io.newsflow.topology.context;

import io.newsflow.avro.PriceMoveAlert;
import io.newsflow.topology.StoreNames;
import io.newsflow.topology.TopologySettings;
import io.newsflow.topology.dlq.GuardedProcessor;
import io.newsflow.topology.dlq.Origin;
import java.util.List;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The news context of a sharp-move alert, which follows the alert (written at once by the tick step,
 * without context) as a record of its own on {@code alerts.price-move-context}, keyed by the alert id:
 * the alert completed with the ticker's recent sentiment, recent article ids and open bond deals
 * ({@link NewsContext}, {@link HeldOutputs}). With {@code news.context.wait} (the default) it waits until
 * the news and deal watermarks have passed the end of the context, so a replay gives the same record;
 * without, it goes out at once with the news and deals that have arrived.
 *
 * <p>The alerts come from the tick step through {@code price-move-alerts}, carrying their tick's
 * {@link Origin}: a context the broker refuses is dead-lettered naming the tick.
 */
public final class AlertContextProcessor extends GuardedProcessor<PriceMoveAlert, ContextResult> {

    /** The state stores this step uses (TopologyStores connects the step to them). */
    public static final List<String> STORES = List.of(StoreNames.SENTIMENT_CONTRIBUTIONS, StoreNames.ISSUER_DEALS,
            StoreNames.CREDIT_VIEWS, StoreNames.HELD_OUTPUTS, StoreNames.NEWS_WATERMARK, StoreNames.DEAL_HISTORY,
            StoreNames.DEAL_WATERMARKS);

    private final TopologySettings settings;
    private HeldOutputs held;

    public AlertContextProcessor(TopologySettings settings) {
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<String, ContextResult> context) {
        super.init(context);
        held = new HeldOutputs(context, settings);
    }

    @Override
    protected boolean passesOriginOn() {
        return true; // a context written at once names the alert's tick too
    }

    @Override
    protected void handle(Record<String, PriceMoveAlert> record, Output<ContextResult> out) {
        Origin origin = Origin.of(record.headers()).or(() -> Origin.of(context.recordMetadata())).orElse(null);
        held.completeOrHold(record.value(), origin).map(Outputs::recordOf).ifPresent(out::emit);
    }
}
