package io.newsflow.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.staticfiles.Location;
import io.newsflow.topology.StoreNames;
import io.newsflow.topology.TopologySettings;
import io.newsflow.topology.state.TimeIndex;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The query API ({@code /api/v1/...}, described by {@code /api/v1/openapi.json}) and the live page
 * ({@code /}) on their own port, served by Javalin (Jetty).
 *
 * <p>The server binds before the Kafka Streams client exists, since the client advertises the
 * bound port as {@code application.server}; until {@link #attach} it answers 503.
 */
public final class ApiServer implements AutoCloseable {

    public static final String BASE = "/api/v1";
    static final String OPENAPI_RESOURCE = "io/newsflow/api/openapi.json";
    static final String WEB_RESOURCES = "/newsflow-web";
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 10_000;
    private static final Instant END_OF_TIME = Instant.ofEpochMilli(TimeIndex.MAX_TIME);

    /** The stores the internal endpoint lets other instances read. */
    static final Set<String> QUERYABLE_STORES = Set.of(StoreNames.SENTIMENT_VIEW, StoreNames.ARTICLE_VIEW,
            StoreNames.REACTION_VIEW, StoreNames.ALERT_VIEW, StoreNames.CREDIT_VIEW_HISTORY, StoreNames.CREDIT_VIEWS,
            StoreNames.BOND_DEALS, StoreNames.TICK_POINTS, StoreNames.BOND_TRANCHES, StoreNames.SIGNAL_QUALITY_VIEW,
            StoreNames.SIGNAL_OBSERVATIONS, StoreNames.SENTIMENT_DECAYED_VIEW);

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ApiServer.class);

    private final ObjectMapper mapper = new ObjectMapper();
    private final Javalin app;
    private final AlertStream alertStream;
    private final byte[] openApi;
    private volatile QueryApi queries;
    private volatile LocalStores localStores;

    private final ApiAccess access;
    private final String peerSecret;

    private final ApiTls tls;

    private ApiServer(ApiAccess access, String peerSecret, ApiTls tls, String host, int port) {
        this.access = access;
        this.peerSecret = peerSecret;
        this.tls = tls;
        this.openApi = resource(OPENAPI_RESOURCE);
        this.alertStream = new AlertStream(() -> queries, 500);
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.startupWatcherEnabled = false;
            config.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = WEB_RESOURCES;
                files.location = Location.CLASSPATH;
            });
            config.staticFiles.enableWebjars();
            if (tls != null) {
                config.jetty.addConnector((server, http) -> tls.connector(server, http, host, port));
            }
        });
        app.before(access::check);
        routes().forEach(app::get);
        app.sse(BASE + "/stream/alerts", alertStream::add);
        app.exception(ApiException.class, (e, ctx) -> {
            if (e.status() == 401) {
                ctx.header("WWW-Authenticate", "Bearer realm=\"newsflow\"");
            }
            error(ctx, e.status(), e.getMessage());
        });
        app.exception(Exception.class, (e, ctx) -> {
            LOG.warn("request " + ctx.path() + " failed", e);
            error(ctx, 500, "internal error: " + e.getClass().getSimpleName());
        });
    }

    /** Binds {@code host:port} (port 0 = a free port) open to anyone, no peer reads; 503 until {@link #attach}. */
    public static ApiServer start(String host, int port) {
        return start(host, port, ApiAccess.open(), null);
    }

    /**
     * Binds {@code host:port} (port 0 = a free port) and serves to whom {@code access} lets in; 503
     * until {@link #attach}.
     *
     * @param peerSecret the secret this instance presents to the other instances' store endpoint, or null
     */
    public static ApiServer start(String host, int port, ApiAccess access, String peerSecret) {
        return start(host, port, access, peerSecret, null);
    }

    /** As {@link #start(String, int, ApiAccess, String)}, over HTTPS when {@code tls} is not null. */
    public static ApiServer start(String host, int port, ApiAccess access, String peerSecret, ApiTls tls) {
        ApiServer server = new ApiServer(access, peerSecret, tls, host, port);
        if (tls == null) {
            server.app.start(host, port);
        } else {
            server.app.start(); // on the HTTPS connector alone
        }
        return server;
    }

    /** Answers from the client's state; {@code self} is the address it advertises. */
    public void attach(KafkaStreams streams, HostInfo self, TopologySettings settings) {
        DistributedStores stores = new DistributedStores(streams, self, new PeerClient(mapper, peerSecret, tls == null ? null : tls.peerContext()));
        this.localStores = stores.local();
        this.queries = new QueryApi(stores, settings);
    }

    public int port() {
        return app.port();
    }

    /** Routes and their paths in OpenAPI syntax (every GET route but the SSE stream). */
    Map<String, Handler> routes() {
        Map<String, Handler> routes = new LinkedHashMap<>();
        routes.put(BASE + "/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
        routes.put(BASE + "/sentiment/{ticker}", ctx -> {
            String window = ctx.queryParamMap().containsKey("window") ? ctx.queryParam("window")
                    : api().sentimentWindows().get(0);
            boolean history = ctx.queryParam("from") != null || ctx.queryParam("to") != null;
            json(ctx, history
                    ? api().sentimentHistory(ctx.pathParam("ticker"), window, instant(ctx, "from", Instant.EPOCH),
                            instant(ctx, "to", END_OF_TIME))
                    : api().sentiment(ctx.pathParam("ticker"), window));
        });
        routes.put(BASE + "/reactions/{ticker}", ctx -> json(ctx, api().reactions(ctx.pathParam("ticker"), limit(ctx, 20))));
        routes.put(BASE + "/articles/{id}", ctx -> json(ctx, api().article(ctx.pathParam("id"))));
        routes.put(BASE + "/bonds/{dealId}", ctx -> json(ctx, api().bond(ctx.pathParam("dealId"))));
        routes.put(BASE + "/signal-quality", ctx -> json(ctx, api().signalQualityOverall()));
        routes.put(BASE + "/sentiment-decayed", ctx -> json(ctx, api().decayedSentimentAll()));
        routes.put(BASE + "/sentiment-decayed/{ticker}", ctx -> {
            boolean history = ctx.queryParam("from") != null || ctx.queryParam("to") != null;
            json(ctx, history
                    ? api().decayedSentimentHistory(ctx.pathParam("ticker"), instant(ctx, "from", Instant.EPOCH),
                            instant(ctx, "to", END_OF_TIME))
                    : api().decayedSentiment(ctx.pathParam("ticker")));
        });
        routes.put(BASE + "/signal-quality/{ticker}", ctx -> json(ctx, api().signalQuality(ctx.pathParam("ticker"))));
        routes.put(BASE + "/credit/{issuer}", ctx -> json(ctx, api().credit(ctx.pathParam("issuer"),
                instant(ctx, "from", Instant.EPOCH), instant(ctx, "to", END_OF_TIME))));
        routes.put(BASE + "/prices/{symbol}", ctx -> json(ctx, api().price(ctx.pathParam("symbol"),
                instant(ctx, "at", null))));
        routes.put(BASE + "/prices/{symbol}/history", ctx -> json(ctx, api().priceHistory(ctx.pathParam("symbol"),
                instant(ctx, "from", Instant.EPOCH), instant(ctx, "to", END_OF_TIME))));
        routes.put(BASE + "/alerts", ctx -> json(ctx, api().alerts(instant(ctx, "since", Instant.EPOCH),
                ctx.queryParam("symbol"), limit(ctx, DEFAULT_LIMIT))));
        routes.put(BASE + "/internal/stores/{store}/range", this::internalRange);
        return routes;
    }

    /** Another instance reads this one's local state (active and standby partitions). */
    private void internalRange(Context ctx) {
        String store = ctx.pathParam("store");
        if (!QUERYABLE_STORES.contains(store)) {
            throw ApiException.notFound("no queryable store " + store);
        }
        LocalStores local = localStores;
        if (local == null) {
            throw ApiException.unavailable("the app is starting", null);
        }
        StoreReader.Range range = new StoreReader.Range(required(ctx, "from"), required(ctx, "to"),
                Boolean.parseBoolean(ctx.queryParam("descending")), limit(ctx, MAX_LIMIT));
        String partition = ctx.queryParam("partition");
        var array = JsonNodeFactory.instance.arrayNode();
        local.range(store, partition == null ? null : integer("partition", partition), range)
                .forEach(e -> array.addObject().put("key", e.key()).set("value", e.value()));
        json(ctx, array);
    }

    private QueryApi api() {
        QueryApi api = queries;
        if (api == null) {
            throw ApiException.unavailable("the app is starting", null);
        }
        return api;
    }

    private void json(Context ctx, JsonNode body) {
        ctx.contentType("application/json").header("Cache-Control", "no-store").result(body.toString());
    }

    private void error(Context ctx, int status, String message) {
        if (status == 503) {
            ctx.header("Retry-After", String.valueOf(ApiException.RETRY_AFTER_SECONDS));
        }
        ctx.status(status);
        json(ctx, JsonNodeFactory.instance.objectNode().put("status", status).put("error", message));
    }

    private static Instant instant(Context ctx, String name, Instant absent) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name + " must be an ISO-8601 instant such as 2024-05-01T20:00:00Z, got '"
                    + value + "'");
        }
    }

    private static int limit(Context ctx, int absent) {
        String value = ctx.queryParam("limit");
        int limit = value == null ? absent : integer("limit", value);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiException.badRequest("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
        return limit;
    }

    private static int integer(String name, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name + " must be an integer, got '" + value + "'");
        }
    }

    private static String required(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null) {
            throw ApiException.badRequest(name + " is required");
        }
        return value;
    }

    private static byte[] resource(String name) {
        try (InputStream in = ApiServer.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        alertStream.close();
        app.stop();
    }
}
