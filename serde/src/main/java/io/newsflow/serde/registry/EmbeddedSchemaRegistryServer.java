package io.newsflow.serde.registry;

import com.sun.net.httpserver.HttpServer;
import io.newsflow.serde.auth.AccessTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Confluent-compatible Schema Registry REST server over a {@link RegistryBackend}, on the JDK's
 * built-in HTTP server. Backed by the registry an in-process app uses ({@link KafkaSchemaRegistry}
 * for {@code kafka://}, {@code MockSchemaRegistry.forScope(scope)} for {@code mock://scope}), it lets
 * that app and external Confluent clients over HTTP see the same ids.
 *
 * <p>Endpoints: {@code GET /}, {@code GET /subjects}, {@code GET|POST /subjects/{s}/versions},
 * {@code POST /subjects/{s}}, {@code GET /subjects/{s}/versions/{v|latest}[/schema]},
 * {@code GET /schemas/ids/{id}[/schema]}, {@code GET /schemas/types},
 * {@code POST /compatibility/subjects/{s}/versions[/{v|latest}]}, {@code GET|PUT /config[/{s}]}.
 */
public final class EmbeddedSchemaRegistryServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedSchemaRegistryServer.class);

    private final HttpServer server;
    private final ExecutorService executor;
    private final RegistryBackend registry;
    private final String url;

    private EmbeddedSchemaRegistryServer(HttpServer server, ExecutorService executor,
                                         RegistryBackend registry, String url) {
        this.server = server;
        this.executor = executor;
        this.registry = registry;
        this.url = url;
    }

    /** Starts without authentication; port 0 picks a free port. */
    public static EmbeddedSchemaRegistryServer start(String host, int port, RegistryBackend registry) {
        return start(host, port, registry, null, null);
    }

    /** Starts requiring HTTP basic credentials on every request (401 otherwise); null user means none. */
    public static EmbeddedSchemaRegistryServer start(String host, int port, RegistryBackend registry,
                                                     String username, String password) {
        return start(host, port, registry, username, password, null);
    }

    /**
     * Starts with reads open and writes (registrations, config changes, deletions) refused with 401
     * unless they carry one of {@code writers} (Bearer, or Basic with the token as password).
     */
    public static EmbeddedSchemaRegistryServer startWithWriteTokens(String host, int port, RegistryBackend registry,
                                                                    AccessTokens writers) {
        return start(host, port, registry, null, null, Objects.requireNonNull(writers, "writers"));
    }

    private static EmbeddedSchemaRegistryServer start(String host, int port, RegistryBackend registry,
                                                      String username, String password, AccessTokens writers) {
        Objects.requireNonNull(registry, "registry");
        String authorization = username == null ? null : "Basic " + Base64.getEncoder().encodeToString(
                (username + ":" + Objects.requireNonNull(password, "password")).getBytes(StandardCharsets.UTF_8));
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start schema registry on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        ExecutorService executor = Executors.newFixedThreadPool(4, daemonThreads());
        server.createContext("/", new SchemaRegistryRestApi(registry, authorization, writers));
        server.setExecutor(executor);
        server.start();
        String publicHost = host.equals("0.0.0.0") || host.equals("::") ? "localhost" : host;
        String url = "http://" + (publicHost.contains(":") ? "[" + publicHost + "]" : publicHost)
                + ":" + server.getAddress().getPort();
        log.info("Schema registry listening on {}{}", url, authorization != null ? " (basic auth required)"
                : writers != null ? " (writes need a token)" : "");
        return new EmbeddedSchemaRegistryServer(server, executor, registry, url);
    }

    /** Base URL to give clients as schema.registry.url. */
    public String url() {
        return url;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public RegistryBackend registry() {
        return registry;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /**
     * Standalone: {@code java ... EmbeddedSchemaRegistryServer [port] [host] [kafka://host:port[/topic]]}
     * (defaults 8081, 0.0.0.0, in memory only).
     */
    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8081;
        String host = args.length > 1 ? args[1] : "0.0.0.0";
        RegistryBackend registry = args.length > 2
                ? KafkaSchemaRegistry.shared(args[2], java.time.Duration.ofSeconds(30)) : new InMemorySchemaRegistry();
        EmbeddedSchemaRegistryServer server = start(host, port, registry);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            registry.close();
        }, "schema-registry-shutdown"));
        Thread.currentThread().join();
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "schema-registry-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
