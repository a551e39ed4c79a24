package io.newsflow.config;

import java.util.List;

/** Topic names: one place, shared by producers, topology, tooling and docker-compose checks. */
public final class Topics {

    public static final String PRICE_TICKS = "market.price-ticks";
    public static final String BOND_BOOKS = "market.bond-books";
    public static final String ARTICLES = "news.articles";

    public static final String ARTICLE_SCORES = "news.article-scores";
    public static final String SENTIMENT_ROLLING = "analytics.sentiment-rolling";
    public static final String MARKET_REACTION = "analytics.market-reaction";
    public static final String BOND_ANALYTICS = "analytics.bond-books";
    public static final String CREDIT_EQUITY = "analytics.credit-equity";
    public static final String PRICE_ALERTS = "alerts.price-moves";
    public static final String DEAD_LETTERS = "dead-letters";
    /** An alert's news context (the alert completed with it), keyed by alert id; follows the alert. */
    public static final String PRICE_ALERT_CONTEXT = "alerts.price-move-context";
    /** issue 23: the quality of the news signal per ticker and horizon. */
    public static final String SIGNAL_QUALITY = "analytics.signal-quality";
    /** issue 23: each ticker's exponentially decayed sentiment. */
    public static final String SENTIMENT_DECAYED = "analytics.sentiment-decayed";

    public static final List<String> INPUTS = List.of(PRICE_TICKS, BOND_BOOKS, ARTICLES);
    public static final List<String> OUTPUTS = List.of(ARTICLE_SCORES, SENTIMENT_ROLLING, MARKET_REACTION,
            BOND_ANALYTICS, CREDIT_EQUITY, PRICE_ALERTS, DEAD_LETTERS, PRICE_ALERT_CONTEXT, SIGNAL_QUALITY,
            SENTIMENT_DECAYED);

    private Topics() {
    }

    public static List<String> all() {
        return java.util.stream.Stream.concat(INPUTS.stream(), OUTPUTS.stream()).toList();
    }
}
