package io.newsflow.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.sse.SseClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * {@code /api/v1/stream/alerts}: pushes each alert that appears in the alert view to every
 * connected client as an SSE event {@code alert}, oldest first. The view is polled through the
 * query API, so every instance pushes every alert, wherever its partition lives. A client gets the
 * alerts that were not in the view when it connected (those it reads from {@code /api/v1/alerts});
 * if the view could not be read then (503), it gets them all.
 */
final class AlertStream implements AutoCloseable {

    static final String EVENT = "alert";
    private static final int MAX_ALERTS = 10_000;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AlertStream.class);

    private final Supplier<QueryApi> api;
    /** Each client and the ids of the alerts it has (been sent, or found in the view on connecting). */
    private final Map<SseClient, Set<String>> clients = new ConcurrentHashMap<>();
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
        Set<String> known = ConcurrentHashMap.newKeySet();
        alerts().forEach(alert -> known.add(id(alert)));
        client.keepAlive();
        client.onClose(() -> clients.remove(client));
        clients.put(client, known);
        client.sendComment("connected");
    }

    private void poll() {
        if (clients.isEmpty()) {
            return;
        }
        List<JsonNode> oldestFirst = alerts();
        Collections.reverse(oldestFirst);
        clients.forEach((client, known) -> {
            try {
                oldestFirst.stream().filter(alert -> known.add(id(alert)))
                        .forEach(alert -> client.sendEvent(EVENT, alert.toString()));
            } catch (RuntimeException e) {
                clients.remove(client); // gone: an exception escaping would cancel the schedule
            }
        });
    }

    /** The alerts in the view, newest first; none while it cannot be read. */
    private List<JsonNode> alerts() {
        QueryApi queries = api.get();
        List<JsonNode> alerts = new ArrayList<>();
        if (queries == null) {
            return alerts;
        }
        try {
            queries.alerts(Instant.EPOCH, null, MAX_ALERTS).get("alerts").forEach(alerts::add);
        } catch (ApiException e) {
            // not queryable right now: the next poll catches up
        } catch (RuntimeException e) {
            // a failure must not escape: it would cancel the schedule
            LOG.warn("reading the alerts failed", e);
        }
        return alerts;
    }

    private static String id(JsonNode alert) {
        return alert.get("alertId").asText();
    }

    @Override
    public void close() {
        poller.shutdownNow();
        clients.keySet().forEach(SseClient::close);
    }
}
