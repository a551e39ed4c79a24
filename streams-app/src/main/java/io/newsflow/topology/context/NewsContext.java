package io.newsflow.topology.context;

import io.newsflow.avro.CreditEquityView;
import io.newsflow.avro.PriceMoveAlert;
import io.newsflow.avro.SentimentRolling;
import io.newsflow.topology.TopologySettings;
import io.newsflow.topology.sentiment.Contribution;
import io.newsflow.topology.sentiment.SentimentWindow;
import io.newsflow.topology.state.TimeIndex;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/**
 * The news context of an alert or a credit view, in event time: for a record as of t (an alert's
 * {@code triggeredAt}, a view's {@code asOf}),
 * <ul>
 *   <li>{@code recentSentiment} / {@code newsSentiment} and a view's {@code articleCount}: the ticker's
 *       rolling sentiment of the largest window as of t (the hopping window that ends at the first
 *       {@code sentiment.advance} boundary after t, as in {@code analytics.sentiment-rolling});</li>
 *   <li>an alert's {@code recentArticleIds} and {@code recentArticleCount}: the novel articles
 *       published in [t - {@code alerts.context}, t].</li>
 * </ul>
 * Both read only articles published up to {@link #end}: once every score up to then has been
 * recorded (the news watermark has passed it), the context is the same whenever it is computed.
 */
public final class NewsContext {

    private final TopologySettings settings;
    private final SentimentWindow window;
    private final TimeIndex<Contribution> articles;

    public NewsContext(TopologySettings settings, TimeIndex<Contribution> articles) {
        this.settings = settings;
        this.window = new SentimentWindow(settings.sentiment().largestWindow(), settings.sentiment().advance().millis(),
                settings.sentiment().baseline().millis(), settings.sentiment().neutralBand());
        this.articles = articles;
    }

    /** The newest publication time the record's context reads. */
    public long end(SpecificRecord record) {
        long asOf = Outputs.timeOf(record);
        return Math.max(asOf, window.endAsOf(asOf) - 1);
    }

    /** The record with its news context filled in from the recorded scores. */
    @SuppressWarnings("unchecked")
    public <V extends SpecificRecord> V complete(V record) {
        if (record instanceof PriceMoveAlert alert) {
            return (V) complete(alert);
        }
        if (record instanceof CreditEquityView view) {
            return (V) complete(view);
        }
        throw new IllegalArgumentException("no news context for " + record.getClass().getSimpleName());
    }

    private PriceMoveAlert complete(PriceMoveAlert alert) {
        String symbol = alert.getSymbol();
        long now = alert.getTriggeredAt().toEpochMilli();
        List<String> recentIds = new ArrayList<>(new LinkedHashSet<>(
                articles.range(symbol, now - settings.alerts().context().millis(), now).stream()
                        .filter(e -> e.value().novel()).map(e -> e.value().articleId()).toList()));
        SentimentRolling rolling = window.aggregate(symbol, now, articles);
        return PriceMoveAlert.newBuilder(alert)
                .setRecentSentiment(anyNews(symbol, rolling) ? rolling.getNoveltyWeightedSentiment() : null)
                .setRecentArticleCount(recentIds.size())
                .setRecentArticleIds(recentIds)
                .build();
    }

    private CreditEquityView complete(CreditEquityView view) {
        String issuer = view.getIssuerSymbol();
        SentimentRolling news = window.aggregate(issuer, view.getAsOf().toEpochMilli(), articles);
        return CreditEquityView.newBuilder(view)
                .setNewsSentiment(anyNews(issuer, news) ? news.getNoveltyWeightedSentiment() : null)
                .setArticleCount(news.getArticleCount())
                .build();
    }

    /** Whether any article (a near-duplicate too) falls in the window: null sentiment without news. */
    private boolean anyNews(String ticker, SentimentRolling rolling) {
        return !articles.range(ticker, rolling.getWindowStart().toEpochMilli(),
                rolling.getWindowEnd().toEpochMilli() - 1).isEmpty();
    }
}
