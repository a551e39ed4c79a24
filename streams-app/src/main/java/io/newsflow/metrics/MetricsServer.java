package io.newsflow.metrics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.streams.KafkaStreams;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Plain JDK HTTP server for the operational endpoints:
 * <ul>
 *   <li>{@code /metrics}: the Prometheus scrape (text format 0.0.4, or OpenMetrics when the scraper's
 *       {@code Accept} header asks for it);</li>
 *   <li>{@code /health}: liveness, 200 unless the Kafka Streams client has failed or stopped (503, DOWN);
 *       200 with status DEGRADED and the reasons while {@link Degradations} has a problem (the app is
 *       alive and waits or skips by itself: restarting it would not help, an operator should look);</li>
 *   <li>{@code /ready}: readiness, 200 only while the client is {@code RUNNING}.</li>
 * </ul>
 * The Streams state comes from a supplier because the client may be created (or replaced) after the
 * server starts; a {@code null} state means "not created yet": alive, but not ready.
 */
public final class MetricsServer implements AutoCloseable {

    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    static final String OPENMETRICS_TEXT = "application/openmetrics-text; version=1.0.0; charset=utf-8";
    private static final String JSON = "application/json";

    /** States in which the client will not recover by itself: restart the process. */
    private static final Set<KafkaStreams.State> DEAD_STATES = EnumSet.of(
            KafkaStreams.State.ERROR, KafkaStreams.State.PENDING_ERROR, KafkaStreams.State.NOT_RUNNING);

    private static final ObjectMapper JSON_MAPPER = new ObjectMapper();

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MetricsServer.class);

    private final PrometheusMeterRegistry registry;
    private final Supplier<KafkaStreams.State> streamsState;
    private final Degradations degradations;
    private final HttpServer server;
    private final ExecutorService executor;

    /**
     * Binds the socket (port 0 picks a free port); call {@link #start()} to serve.
     */
    public MetricsServer(PrometheusMeterRegistry registry, Supplier<KafkaStreams.State> streamsState,
                         InetSocketAddress address) throws IOException {
        this(registry, streamsState, new Degradations(), address);
    }

    /** Also reports {@code degradations} on {@code /health}. */
    public MetricsServer(PrometheusMeterRegistry registry, Supplier<KafkaStreams.State> streamsState,
                         Degradations degradations, InetSocketAddress address) throws IOException {
        this.degradations = Objects.requireNonNull(degradations, "degradations");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.streamsState = Objects.requireNonNull(streamsState, "streamsState");
        this.server = HttpServer.create(Objects.requireNonNull(address, "address"), 0);
        // Two threads: a slow scrape must not block the health probe.
        this.executor = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "newsflow-metrics-http");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/metrics", exchange -> handle(exchange, this::metrics));
        server.createContext("/health", exchange -> handle(exchange, this::health));
        server.createContext("/ready", exchange -> handle(exchange, this::ready));
    }

    public MetricsServer start() {
        server.start();
        return this;
    }

    /** The bound port (the real one when 0 was asked for). */
    public int port() {
        return server.getAddress().getPort();
    }

    public URI baseUri() {
        InetSocketAddress address = server.getAddress();
        String host = address.getAddress().isAnyLocalAddress() ? "localhost" : address.getHostString();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port());
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private record Response(int status, String contentType, String body) {
    }

    @FunctionalInterface
    private interface Handler {
        Response respond(HttpExchange exchange);
    }

    private void handle(HttpExchange exchange, Handler handler) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            boolean head = "HEAD".equals(method);
            Response response;
            if (!head && !"GET".equals(method)) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                response = new Response(405, "text/plain; charset=utf-8", "method not allowed\n");
            } else if (!exchange.getRequestURI().getPath().equals(exchange.getHttpContext().getPath())) {
                // HttpServer contexts match by prefix; /metricsfoo is not /metrics.
                response = new Response(404, "text/plain; charset=utf-8", "not found\n");
            } else {
                response = safely(handler, exchange);
            }
            byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            if (head) {
                exchange.sendResponseHeaders(response.status(), -1);
            } else {
                exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    private static Response safely(Handler handler, HttpExchange exchange) {
        try {
            return handler.respond(exchange);
        } catch (RuntimeException e) {
            LOG.warn("request to " + exchange.getRequestURI() + " failed", e);
            return new Response(500, "text/plain; charset=utf-8", "internal error: " + e.getClass().getSimpleName() + "\n");
        }
    }

    private Response metrics(HttpExchange exchange) {
        String accept = exchange.getRequestHeaders().getFirst("Accept");
        String contentType = accept != null && accept.contains("application/openmetrics-text")
                ? OPENMETRICS_TEXT : PROMETHEUS_TEXT;
        return new Response(200, contentType, registry.scrape(contentType));
    }

    private Response health(HttpExchange exchange) {
        StateReading reading = readState();
        boolean up = reading.error() == null && !DEAD_STATES.contains(reading.state());
        Map<String, String> problems = up ? degradations.current() : Map.of();
        if (problems.isEmpty()) {
            return json(up, reading);
        }
        ObjectNode body = JSON_MAPPER.createObjectNode().put("status", "DEGRADED").put("state", reading.stateName());
        problems.forEach(body.putObject("reasons")::put);
        return new Response(200, JSON, body + "\n");
    }

    private Response ready(HttpExchange exchange) {
        StateReading reading = readState();
        boolean ready = reading.state() == KafkaStreams.State.RUNNING;
        return json(ready, reading);
    }

    private record StateReading(KafkaStreams.State state, String error) {
        String stateName() {
            return error != null ? "UNKNOWN" : state == null ? "NOT_CREATED" : state.name();
        }
    }

    private StateReading readState() {
        try {
            return new StateReading(streamsState.get(), null);
        } catch (RuntimeException e) {
            // A failing probe must answer "down", not kill the endpoint.
            return new StateReading(null, e.getClass().getSimpleName());
        }
    }

    private static Response json(boolean ok, StateReading reading) {
        String body = "{\"status\":\"" + (ok ? "UP" : "DOWN") + "\",\"state\":\"" + reading.stateName() + "\""
                + (reading.error() != null ? ",\"error\":\"" + reading.error() + "\"" : "") + "}\n";
        return new Response(ok ? 200 : 503, JSON, body);
    }
}
