package io.newsflow.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.topology.Span;
import io.newsflow.topology.StoreNames;
import io.newsflow.topology.TopologySettings;
import io.newsflow.topology.state.TimeIndex;
import io.newsflow.topology.sentiment.RollingSentimentProcessor;
import io.newsflow.topology.signal.OverallSignalQualityProcessor;
import io.newsflow.topology.signal.SignalQualityProcessor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The answers of the query API, read from the state stores ({@link StoreReader}): each method is
 * one endpoint, its parameters already parsed. Unknown keys are {@link ApiException#notFound}.
 */
public final class QueryApi {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final long MAX_TIME = TimeIndex.MAX_TIME;

    private final StoreReader stores;
    private final List<String> sentimentWindows;
    private final Map<String, Span> returnWindows = new LinkedHashMap<>();
    private final List<String> horizonLabels;

    public QueryApi(StoreReader stores, TopologySettings settings) {
        this.stores = stores;
        this.sentimentWindows = settings.sentiment().windows().stream().map(Span::label).toList();
        // the windows the pipeline measures returns over: the alert windows and the credit view's
        settings.alerts().windows().forEach(w -> returnWindows.put(w.label(), w));
        returnWindows.put(settings.credit().equityWindow().label(), settings.credit().equityWindow());
        this.horizonLabels = settings.reactions().horizons().stream().map(Span::label).toList();
    }

    /** The sentiment window labels a request may ask for ({@code sentiment.windows}). */
    public List<String> sentimentWindows() {
        return sentimentWindows;
    }

    /** Latest rolling sentiment of the ticker in the window. */
    public JsonNode sentiment(String ticker, String window) {
        String group = sentimentGroup(ticker, window);
        return one(stores.range(StoreNames.SENTIMENT_VIEW, group, series(group, 0, MAX_TIME).newestFirst(1)))
                .orElseThrow(() -> ApiException.notFound("no " + window + " sentiment for ticker " + ticker));
    }

    /** The window's rolling sentiment with window ends in [from, to], oldest first. */
    public JsonNode sentimentHistory(String ticker, String window, Instant from, Instant to) {
        String group = sentimentGroup(ticker, window);
        List<StoreEntry> points = stores.range(StoreNames.SENTIMENT_VIEW, group, series(group, from, to));
        if (points.isEmpty() && !known(StoreNames.SENTIMENT_VIEW, group)) {
            throw ApiException.notFound("no " + window + " sentiment for ticker " + ticker);
        }
        return NODES.objectNode().put("ticker", ticker).put("window", window).put("from", from.toString())
                .put("to", to.toString()).set("points", values(points));
    }

    /** The ticker's articles, newest first, each with its scores and its reactions at each horizon. */
    public JsonNode reactions(String ticker, int limit) {
        List<StoreEntry> articles = stores.range(StoreNames.ARTICLE_VIEW, ticker,
                series(ticker, 0, MAX_TIME).newestFirst(limit));
        if (articles.isEmpty()) {
            throw ApiException.notFound("no scored articles for ticker " + ticker);
        }
        return NODES.objectNode().put("ticker", ticker).set("articles", withReactions(articles));
    }

    /** The article's scores (one per ticker it names) and its reactions. */
    public JsonNode article(String articleId) {
        List<StoreEntry> scores = stores.scan(StoreNames.ARTICLE_VIEW, StoreReader.Range.of("", "\uffff")).stream()
                .filter(e -> e.key().endsWith("|" + articleId)).toList();
        if (scores.isEmpty()) {
            throw ApiException.notFound("no article " + articleId);
        }
        return NODES.objectNode().put("articleId", articleId).set("scores", withReactions(scores));
    }

    /** The deal's book summary with each tranche from initial price talk to launch (empty when none were reported). */
    public JsonNode bond(String dealId) {
        ObjectNode deal = (ObjectNode) one(stores.range(StoreNames.BOND_DEALS, dealId, StoreReader.Range.key(dealId)))
                .orElseThrow(() -> ApiException.notFound("no bond deal " + dealId)).deepCopy();
        deal.set("tranches", one(stores.range(StoreNames.BOND_TRANCHES, dealId, StoreReader.Range.key(dealId)))
                .orElse(NODES.arrayNode()));
        return deal;
    }

    /** The ticker's latest signal quality at each horizon ({@code analytics.signal-quality}). */
    public JsonNode signalQuality(String ticker) {
        ArrayNode horizons = NODES.arrayNode();
        for (String horizon : horizonLabels) {
            String group = SignalQualityProcessor.outputKey(ticker, horizon);
            one(stores.range(StoreNames.SIGNAL_QUALITY_VIEW, group, series(group, 0, MAX_TIME).newestFirst(1)))
                    .ifPresent(horizons::add);
        }
        if (horizons.isEmpty()) {
            throw ApiException.notFound("no signal quality for ticker " + ticker);
        }
        return NODES.objectNode().put("ticker", ticker).set("horizons", horizons);
    }

    /**
     * The signal quality over all tickers at each horizon: the latest {@code *|horizon} record of
     * {@code analytics.signal-quality} ({@link OverallSignalQualityProcessor}); a horizon without one yet has an
     * article count of 0.
     */
    public JsonNode signalQualityOverall() {
        String all = OverallSignalQualityProcessor.ALL_TICKERS;
        ArrayNode horizons = NODES.arrayNode();
        for (String horizon : horizonLabels) {
            String group = SignalQualityProcessor.outputKey(all, horizon);
            horizons.add(one(stores.range(StoreNames.SIGNAL_QUALITY_VIEW, group, series(group, 0, MAX_TIME).newestFirst(1)))
                    .orElseGet(() -> NODES.objectNode().put("ticker", all).put("horizonLabel", horizon)
                            .put("articleCount", 0)));
        }
        return NODES.objectNode().put("ticker", all).set("horizons", horizons);
    }

    /** The ticker's latest decayed sentiment ({@code analytics.sentiment-decayed}), as of its record's time. */
    public JsonNode decayedSentiment(String ticker) {
        return one(stores.range(StoreNames.SENTIMENT_DECAYED_VIEW, ticker, series(ticker, 0, MAX_TIME).newestFirst(1)))
                .orElseThrow(() -> ApiException.notFound("no decayed sentiment for ticker " + ticker));
    }

    /** The ticker's decayed sentiment records with as-of in [from, to], oldest first. */
    public JsonNode decayedSentimentHistory(String ticker, Instant from, Instant to) {
        List<StoreEntry> points = stores.range(StoreNames.SENTIMENT_DECAYED_VIEW, ticker, series(ticker, from, to));
        if (points.isEmpty() && !known(StoreNames.SENTIMENT_DECAYED_VIEW, ticker)) {
            throw ApiException.notFound("no decayed sentiment for ticker " + ticker);
        }
        return NODES.objectNode().put("ticker", ticker).put("from", from.toString()).put("to", to.toString())
                .set("points", values(points));
    }

    /** Every ticker's latest decayed sentiment, by ticker (the view's keys start with the ticker). */
    public JsonNode decayedSentimentAll() {
        Map<String, JsonNode> latest = new java.util.TreeMap<>();
        for (StoreEntry e : stores.scan(StoreNames.SENTIMENT_DECAYED_VIEW, StoreReader.Range.of("", "\uffff"))) {
            JsonNode record = e.value();
            String ticker = record.get("ticker").asText();
            JsonNode known = latest.get(ticker);
            if (known == null || Instant.parse(known.get("asOf").asText()).isBefore(Instant.parse(record.get("asOf").asText()))) {
                latest.put(ticker, record);
            }
        }
        ArrayNode tickers = NODES.arrayNode();
        latest.values().forEach(tickers::add);
        return NODES.objectNode().set("tickers", tickers);
    }

    /** The issuer's latest credit-equity view and its views with as-of in [from, to]. */
    public JsonNode credit(String issuer, Instant from, Instant to) {
        StoreReader.Range period = series(issuer, from, to);
        Optional<JsonNode> latest = one(stores.range(StoreNames.CREDIT_VIEWS, issuer, StoreReader.Range.key(issuer)));
        List<StoreEntry> history = stores.range(StoreNames.CREDIT_VIEW_HISTORY, issuer, period);
        if (latest.isEmpty() && history.isEmpty()) {
            throw ApiException.notFound("no credit view for issuer " + issuer);
        }
        return NODES.objectNode().put("issuer", issuer).<ObjectNode>set("latest", latest.orElse(NODES.nullNode()))
                .set("history", values(history));
    }

    /**
     * The price at or before {@code at} (null: the latest) and the returns up to it over the
     * configured windows.
     */
    public JsonNode price(String symbol, Instant at) {
        JsonNode tick = priceAt(symbol, at == null ? MAX_TIME : at.toEpochMilli())
                .orElseThrow(() -> ApiException.notFound("no price for symbol " + symbol
                        + (at == null ? "" : " at or before " + at)));
        ObjectNode returns = NODES.objectNode();
        double price = tick.get("price").asDouble();
        returnWindows.forEach((label, window) -> {
            long start = Instant.parse(tick.get("time").asText()).toEpochMilli() - window.millis();
            Optional<JsonNode> then = priceAt(symbol, start);
            if (then.isPresent()) {
                returns.put(label, price / then.get().get("price").asDouble() - 1);
            } else {
                returns.putNull(label); // the history does not reach back that far
            }
        });
        return NODES.objectNode().put("symbol", symbol).put("at", at == null ? null : at.toString())
                .put("time", tick.get("time").asText())
                .put("price", price).set("returns", returns);
    }

    /** The symbol's kept ticks (one per {@code ticks.resolution}) in [from, to], oldest first. */
    public JsonNode priceHistory(String symbol, Instant from, Instant to) {
        List<StoreEntry> points = stores.range(StoreNames.TICK_POINTS, symbol, series(symbol, from, to));
        if (points.isEmpty() && priceAt(symbol, MAX_TIME).isEmpty()) {
            throw ApiException.notFound("no price for symbol " + symbol);
        }
        return NODES.objectNode().put("symbol", symbol).set("points", values(points));
    }

    /** Alerts triggered at or after {@code since}, newest first; of one symbol, or of all. */
    public JsonNode alerts(Instant since, String symbol, int limit) {
        List<StoreEntry> alerts;
        if (symbol != null) {
            alerts = stores.range(StoreNames.ALERT_VIEW, symbol, series(symbol, since.toEpochMilli(), MAX_TIME)
                    .newestFirst(limit));
        } else {
            // the key's id part (the alert id) may hold the key separator: order by the record's own time
            List<StoreEntry> all = new ArrayList<>(stores.scan(StoreNames.ALERT_VIEW, StoreReader.Range.of("", "\uffff")));
            all.removeIf(e -> triggeredAt(e).isBefore(since));
            all.sort(Comparator.comparing(QueryApi::triggeredAt).reversed());
            alerts = all.subList(0, Math.min(limit, all.size()));
        }
        return NODES.objectNode().put("since", since.toString()).set("alerts", values(alerts));
    }

    private static Instant triggeredAt(StoreEntry alert) {
        return Instant.parse(alert.value().get("triggeredAt").asText());
    }

    /** Each of the article scores with its reactions, in order. */
    private ArrayNode withReactions(List<StoreEntry> scores) {
        ArrayNode items = NODES.arrayNode();
        scores.forEach(s -> items.add(withReactions(s.value())));
        return items;
    }

    private ObjectNode withReactions(JsonNode score) {
        String ticker = score.get("ticker").asText();
        String articleId = score.get("articleId").asText();
        long published = Instant.parse(score.get("publishedAt").asText()).toEpochMilli();
        List<StoreEntry> reactions = stores.range(StoreNames.REACTION_VIEW, ticker,
                StoreReader.Range.of(TimeIndex.lower(ticker, published), TimeIndex.upper(ticker, published)));
        ArrayNode matching = NODES.arrayNode();
        reactions.stream().filter(r -> r.key().endsWith("|" + articleId + "#" + r.value().get("horizonMs").asLong()))
                .sorted((a, b) -> Long.compare(a.value().get("horizonMs").asLong(), b.value().get("horizonMs").asLong()))
                .forEach(r -> matching.add(r.value()));
        ObjectNode item = NODES.objectNode();
        item.set("score", score);
        item.set("reactions", matching);
        return item;
    }

    private Optional<JsonNode> priceAt(String symbol, long time) {
        return one(stores.range(StoreNames.TICK_POINTS, symbol, series(symbol, 0, time).newestFirst(1)));
    }

    private String sentimentGroup(String ticker, String window) {
        if (!sentimentWindows.contains(window)) {
            throw ApiException.badRequest("window must be one of " + sentimentWindows + ", got '" + window + "'");
        }
        return RollingSentimentProcessor.outputKey(ticker, window); // the view's group and its topic key
    }

    private boolean known(String store, String group) {
        return !stores.range(store, group, series(group, 0, MAX_TIME).newestFirst(1)).isEmpty();
    }

    private static StoreReader.Range series(String group, Instant from, Instant to) {
        if (from.isAfter(to)) {
            throw ApiException.badRequest("from (" + from + ") is after to (" + to + ")");
        }
        return series(group, from.toEpochMilli(), to.toEpochMilli());
    }

    private static StoreReader.Range series(String group, long from, long to) {
        return StoreReader.Range.of(TimeIndex.lower(group, from), TimeIndex.upper(group, to));
    }

    private static Optional<JsonNode> one(List<StoreEntry> entries) {
        return entries.stream().findFirst().map(StoreEntry::value);
    }

    private static ArrayNode values(List<StoreEntry> entries) {
        ArrayNode array = NODES.arrayNode();
        entries.forEach(e -> array.add(e.value()));
        return array;
    }
}
