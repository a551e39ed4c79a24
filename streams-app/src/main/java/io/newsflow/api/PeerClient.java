package io.newsflow.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Reads another instance's stores over its internal endpoint ({@code /api/v1/internal/stores/...}),
 * which answers from that instance's local state only: a forwarded read is never forwarded again.
 */
final class PeerClient {

    static final String INTERNAL_PREFIX = "/api/v1/internal/stores/";

    private final HttpClient http;
    private final ObjectMapper mapper;
    private final String secret;
    private final String scheme;

    /**
     * @param secret the peers' shared secret, presented as a bearer token; null = none
     * @param tls    the TLS context of HTTPS peers, or null: plain HTTP
     */
    PeerClient(ObjectMapper mapper, String secret, SSLContext tls) {
        this.mapper = mapper;
        this.secret = secret;
        this.scheme = tls == null ? "http://" : "https://";
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2));
        this.http = (tls == null ? builder : builder.sslContext(tls)).build();
    }

    /** @throws IOException when the peer is unreachable or cannot answer (it may be restoring) */
    List<StoreEntry> range(HostInfo host, String store, Integer partition, StoreReader.Range range) throws IOException {
        StringBuilder uri = new StringBuilder(scheme).append(host.host()).append(':').append(host.port())
                .append(INTERNAL_PREFIX).append(encode(store)).append("/range?from=").append(encode(range.from()))
                .append("&to=").append(encode(range.to())).append("&descending=").append(range.descending())
                .append("&limit=").append(range.limit());
        if (partition != null) {
            uri.append("&partition=").append(partition);
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(uri.toString())).timeout(Duration.ofSeconds(5)).GET();
        if (secret != null) {
            builder.header("Authorization", "Bearer " + secret);
        }
        HttpRequest request = builder.build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (response.statusCode() != 200) {
            throw new IOException(host + " answered " + response.statusCode() + ": " + response.body());
        }
        List<StoreEntry> entries = new ArrayList<>();
        for (JsonNode node : mapper.readTree(response.body())) {
            entries.add(new StoreEntry(node.get("key").asText(), node.get("value")));
        }
        return entries;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
