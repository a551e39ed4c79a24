package io.newsflow.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.sse.SseClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * {@code /api/v1/stream/alerts}: pushes each alert that appears in the alert view to every
 * connected client as an SSE event {@code alert}. The view is polled through the query API (so
 * every instance pushes every alert, wherever its partition lives); alerts already in the view
 * when the stream first reads it are not pushed: a client loads those from {@code /api/v1/alerts}.
 */
final class AlertStream implements AutoCloseable {

    static final String EVENT = "alert";
    private static final int MAX_ALERTS = 10_000;

    private final Supplier<QueryApi> api;
    private final Set<SseClient> clients = ConcurrentHashMap.newKeySet();
    private final Set<String> seen = new HashSet<>();
    private boolean seeded;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "newsflow-alert-stream");
        thread.setDaemon(true);
        return thread;
    });

    AlertStream(Supplier<QueryApi> api, long pollMillis) {
        this.api = api;
        poller.scheduleWithFixedDelay(this::poll, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
    }

    void add(SseClient client) {
        client.keepAlive();
        client.onClose(() -> clients.remove(client));
        clients.add(client);
        client.sendComment("connected");
    }

    int clients() {
        return clients.size();
    }

    private void poll() {
        QueryApi queries = api.get();
        if (queries == null) {
            return;
        }
        List<JsonNode> fresh = new ArrayList<>();
        try {
            for (JsonNode alert : queries.alerts(Instant.EPOCH, null, MAX_ALERTS).get("alerts")) {
                if (seen.add(alert.get("alertId").asText())) {
                    fresh.add(0, alert); // the answer is newest first; push oldest first
                }
            }
        } catch (ApiException | IllegalStateException e) {
            return; // not queryable right now: the next poll catches up
        }
        if (seeded) {
            fresh.forEach(alert -> clients.forEach(client -> client.sendEvent(EVENT, alert.toString())));
        }
        seeded = true;
    }

    @Override
    public void close() {
        poller.shutdownNow();
        clients.forEach(SseClient::close);
    }
}
