package io.newsflow.topology;

/** Names of the topology's state stores (and so of their changelog topics). */
public final class StoreNames {

    /**
     * publication time|article id|funnel offset -> funnelled article waiting for every articles
     * partition's watermark to pass it (the novelty funnel's reorder buffer).
     */
    public static final String ARTICLE_REORDER = "article-reorder";
    /** articles partition -> its latest watermark at the novelty funnel. */
    public static final String FUNNEL_WATERMARKS = "funnel-watermarks";
    /**
     * "released" -> the publication time up to which the funnel has released (and scored) every
     * article: the news watermark sent on to the ticker tasks.
     */
    public static final String FUNNEL_RELEASED = "funnel-released";

    /** article id -> content hash: makes re-ingesting an article idempotent. */
    public static final String ARTICLE_SEEN = "article-seen";
    /** time|article id -> MinHash signature of recent articles, bounded by count and age. */
    public static final String ARTICLE_FINGERPRINTS = "article-fingerprints";
    /** hash of a normalised body fragment -> first article that carried it. */
    public static final String FRAGMENT_SEEN = "fragment-seen";

    /** ticker|time|article id -> contribution of a scored article to rolling sentiment (news task). */
    public static final String NEWS_SENTIMENT_CONTRIBUTIONS = "news-sentiment-contributions";
    /** stream name -> highest event time seen by the news task (for late-record detection). */
    public static final String NEWS_STREAM_TIMES = "news-stream-times";

    /**
     * ticker|time|article id -> contribution, the ticker tasks' copy (from the scores read back), for
     * the news context of alerts and the credit view.
     */
    public static final String SENTIMENT_CONTRIBUTIONS = "sentiment-contributions";
    /** stream name -> highest event time seen by a ticker task (for late-record detection). */
    public static final String STREAM_TIMES = "stream-times";
    /**
     * "watermark" -> the news watermark a ticker task has received (every score published at or
     * before it is in sentiment-contributions); "gate" -> the one outputs wait for (the watermark,
     * or the largest long while the watermark is skipped as idle).
     */
    public static final String NEWS_WATERMARK = "news-watermark";
    /**
     * context end|type:id -> a price-move alert or credit view waiting for the news watermark to pass
     * the end of its news context (type and Avro single-object encoding).
     */
    public static final String HELD_OUTPUTS = "held-outputs";

    /**
     * symbol|bucket start -> the bucket's newest tick (time, price): every symbol's recent ticks, one
     * per ticks.resolution. (Named anew when the value became a tick point: the changelog of the
     * former price-per-tick store, tick-history, cannot be read into it.)
     */
    public static final String TICK_POINTS = "tick-points";
    /**
     * symbol|bucket start -> the bucket's newest close passed on from the tick step, like tick-points,
     * in the tasks that meet the news and the deals; the benchmark's in every task (broadcast).
     */
    public static final String CLOSE_POINTS = "bucket-closes";
    /** ticker|due time|article#horizon -> reaction waiting for its horizon. */
    public static final String PENDING_REACTIONS = "pending-reactions";
    /**
     * tick-closes partition -> the newest event time of the closes the task has read from it (one entry: a
     * task reads one partition); the clock a reaction's fallback waits for ({@link io.newsflow.topology.market.CloseClock}).
     */
    public static final String CLOSE_CLOCKS = "close-clocks";
    /** symbol|window -> the move currently alerted on. */
    public static final String ALERT_STATE = "alert-state";

    /** deal id -> accumulated book state. */
    public static final String BOND_DEALS = "bond-deals";
    /** issuer symbol|deal id -> latest summary brief of each of the issuer's deals. */
    public static final String ISSUER_DEALS = "issuer-deals";
    /** issuer symbol -> last credit-equity view emitted. */
    public static final String CREDIT_VIEWS = "credit-views";
    /**
     * issuer symbol -> the tick ({@code topic/partition@offset}) whose flip emitted the issuer's last
     * view; absent when a deal update emitted it. A replay of that tick emits the view again.
     */
    public static final String CREDIT_VIEW_SOURCES = "credit-view-sources";
    /**
     * issuer symbol|update time|deal id -> the deal's state after that update, in event time
     * ({@link io.newsflow.topology.bond.DealHistory}): the deal state as of a tick, whatever the arrival order.
     */
    public static final String DEAL_HISTORY = "deal-history";
    /**
     * bond-book task -> its deal watermark, and the gate the ticker task's steps read
     * ({@link io.newsflow.topology.bond.DealWatermarks}).
     */
    public static final String DEAL_WATERMARKS = "deal-watermarks";
    /** issuer symbol -> how far its credit-view flips have been judged, in event time ({@link io.newsflow.topology.bond.FlipWalk}). */
    public static final String CREDIT_FLIP_WALKS = "credit-flip-walks";

    // --- query views: the outputs the query API answers from (io.newsflow.topology.view.QueryViews) ---

    /** ticker|window label|window end -> rolling sentiment, from analytics.sentiment-rolling. */
    public static final String SENTIMENT_VIEW = "sentiment-view";
    /** ticker|published at|article id -> scored article, from the scores read back. */
    public static final String ARTICLE_VIEW = "article-view";
    /** ticker|published at|article id#horizon ms -> market reaction, from analytics.market-reaction. */
    public static final String REACTION_VIEW = "reaction-view";
    /** symbol|triggered at|alert id -> price-move alert, from alerts.price-moves. */
    public static final String ALERT_VIEW = "alert-view";
    /** issuer symbol|as of|deal id -> credit-equity view, from analytics.credit-equity. */
    public static final String CREDIT_VIEW_HISTORY = "credit-view-history";

    /** issue 23: deal id -> each tranche's reported guidance, size, coupon and orders ({@code TrancheBook}). */
    public static final String BOND_TRANCHES = "bond-tranches";
    /** issue 23: ticker|horizon|publication time|article id -> the reaction's sentiment and CAR, for signal quality. */
    public static final String SIGNAL_OBSERVATIONS = "signal-observations";
    /** issue 23: "source-" + partition -> that market task's reaction completion watermark; "released" -> the lowest, released. */
    public static final String REACTION_COMPLETIONS = "reaction-completion-watermarks";
    /** issue 23: horizon|publication time|article id@ticker -> a scored reaction held for the completion watermark. */
    public static final String SIGNAL_HELD_ALL = "signal-held-all";
    /** issue 23: *|horizon|publication time|article id@ticker -> every ticker's reactions in the all-tickers window. */
    public static final String SIGNAL_OBSERVATIONS_ALL = "signal-observations-all";
    /** issue 23: ticker -> its decayed sentiment and last emitted bucket; "" -> the last bucket boundary swept. */
    public static final String DECAYED_SENTIMENT = "decayed-sentiment";
    /** issue 23: query view of analytics.signal-quality, ticker|horizon|as-of|article id -> record. */
    public static final String SIGNAL_QUALITY_VIEW = "signal-quality-view";
    /** issue 23: query view of analytics.sentiment-decayed, ticker|as-of -> record. */
    public static final String SENTIMENT_DECAYED_VIEW = "sentiment-decayed-view";

    private StoreNames() {
    }
}
