package io.newsflow.topology.context;

import io.newsflow.metrics.PipelineMetrics;
import io.newsflow.topology.StoreNames;
import io.newsflow.topology.TopologySettings;
import io.newsflow.topology.dlq.GuardedProcessor;
import io.newsflow.topology.sentiment.Contributions;
import io.newsflow.avro.ScoredArticle;
import io.newsflow.topology.watermark.IdleSources;
import io.newsflow.topology.watermark.Watermarked;
import java.util.List;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The ticker tasks' news context, from {@code news-context}: the scores of the task's tickers, in the
 * order they were scored, and the news watermarks between them ({@link Watermarked}, sent to every
 * partition after the scores they cover, {@link io.newsflow.topology.article.NewsWatermarkFeed}). A score becomes
 * a contribution (the copy of the rolling-sentiment input that alerts and credit views read); a
 * watermark releases the alerts and credit views held for it ({@link HeldOutputs}), completed with
 * their news context and emitted with their own event time.
 *
 * <p>Liveness: when the watermark has not moved for {@code watermark.idle.timeout} on the wall clock
 * while outputs are held, it is skipped: what is held goes out with the scores recorded so far, and
 * so does everything after it, until the watermark moves again.
 */
public final class NewsContextProcessor extends GuardedProcessor<Watermarked<ScoredArticle>, ContextResult> {

    /** The state stores this step uses (TopologyStores connects the step to them). */
    public static final List<String> STORES = List.of(StoreNames.SENTIMENT_CONTRIBUTIONS, StoreNames.STREAM_TIMES,
            StoreNames.HELD_OUTPUTS, StoreNames.NEWS_WATERMARK, StoreNames.CREDIT_VIEWS,
            StoreNames.DEAL_WATERMARKS, StoreNames.DEAL_HISTORY, StoreNames.ISSUER_DEALS);

    /** The one source of the news watermark (the funnel task), for the idle escape. */
    private static final int FUNNEL = 0;

    private final TopologySettings settings;
    /** The news watermark's source, skipped when quiet for {@code watermark.idle.timeout}. */
    private final IdleSources idle;
    private Contributions contributions;
    private HeldOutputs held;

    public NewsContextProcessor(TopologySettings settings, PipelineMetrics metrics) {
        this.settings = settings;
        this.idle = IdleSources.of(PipelineMetrics.WATERMARK_STAGE_NEWS_CONTEXT, settings,
                () -> context.currentSystemTimeMs(), metrics);
    }

    @Override
    public void init(ProcessorContext<String, ContextResult> context) {
        super.init(context);
        contributions = new Contributions(context.getStateStore(StoreNames.SENTIMENT_CONTRIBUTIONS),
                context.getStateStore(StoreNames.STREAM_TIMES), settings);
        held = new HeldOutputs(context, settings);
        held.waitAgain();
        if (settings.watermarks().newsContextWait()) {
            IdleSources.scheduleChecks(context, settings, this::skipIfIdle);
        }
    }

    @Override
    protected void handle(Record<String, Watermarked<ScoredArticle>> record, Output<ContextResult> out) {
        if (record.value() instanceof Watermarked.Value<ScoredArticle> score) {
            // lateness is judged against this task's stream time, which never runs ahead of the news task's:
            // the rolling sentiment has dead-lettered every article found late here (not always the reverse)
            contributions.record(score.value());
            return;
        }
        if (held.advance(record.timestamp())) {
            idle.moved(FUNNEL);
            held.release().forEach(out::emit);
        }
    }

    private void skipIfIdle() {
        if (held.gate() == Long.MAX_VALUE) {
            return; // skipped already: nothing is held
        }
        idle.holding(!held.isEmpty());
        if (!idle.skip(FUNNEL, held.watermark())) {
            return;
        }
        held.skipWatermark();
        for (Record<String, ContextResult> released : held.release()) {
            context.forward(released);
        }
    }
}
