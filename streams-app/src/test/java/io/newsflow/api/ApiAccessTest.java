package io.newsflow.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.serde.auth.AccessTokens;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * With users' tokens and a peer secret, the API lets in whom it should and refuses the others
 * before reading anything: 401 without or with an unknown credential, 403 for a user's token on
 * the peers' store endpoint. A request let in answers as usual (503 here: no Kafka Streams client
 * is attached, which is past the gate). No credential, right or wrong, appears in the logs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiAccessTest {

    private static final String ALICE = "alice-token-4f1d9c2e7b";
    private static final String PEER = "peer-secret-8a3e5b0c6d";
    private static final String WRONG = "wrong-token-0000000000";
    private static final String RANGE = "/api/v1/internal/stores/alert-view/range?from=a&to=b";

    private final HttpClient http = HttpClient.newHttpClient();
    private final ByteArrayOutputStream logs = new ByteArrayOutputStream();
    private PrintStream originalErr;
    private ApiServer server;
    private ApiServer open;

    @BeforeAll
    void start() {
        originalErr = System.err;
        // the console log (logback, target System.err) writes to the System.err of the moment: capture it
        System.setErr(new PrintStream(new TeeStream(logs, originalErr), true, StandardCharsets.UTF_8));
        server = ApiServer.start("127.0.0.1", 0,
                new ApiAccess(AccessTokens.of("alice", ALICE), AccessTokens.of("peer", PEER)), PEER);
        open = ApiServer.start("127.0.0.1", 0);
    }

    @AfterAll
    void stop() {
        server.close();
        open.close();
        System.setErr(originalErr);
    }

    @Test
    void refusalsAreLoggedWithoutTheCredentials() throws Exception {
        get(server, "/api/v1/alerts", "Bearer " + WRONG);
        get(server, "/api/v1/alerts?symbol=" + WRONG.substring(0, 5), "Bearer " + PEER);
        get(server, RANGE, "Bearer " + ALICE);
        get(server, "/api/v1/alerts", "Bearer " + ALICE);
        get(server, RANGE, "Bearer " + PEER);

        String logged = logs.toString(StandardCharsets.UTF_8);
        assertTrue(logged.contains("Refused GET /api/v1/alerts from 127.0.0.1: unknown token"), logged);
        assertTrue(logged.contains("Refused GET /api/v1/internal/stores/alert-view/range from 127.0.0.1: not the peer secret"),
                logged);
        for (String secret : new String[] {ALICE, PEER, WRONG}) {
            assertFalse(logged.contains(secret), "a credential leaked into the logs: " + logged);
        }
    }

    @Test
    void aQueryWithoutATokenIs401WithAChallenge() throws Exception {
        HttpResponse<String> response = get(server, "/api/v1/alerts", null);
        assertEquals(401, response.statusCode(), response.body());
        assertEquals("Bearer realm=\"newsflow\"", response.headers().firstValue("WWW-Authenticate").orElse(""));
        assertEquals(401, get(server, "/api/v1/openapi.json", null).statusCode());
        assertEquals(401, get(server, "/api/v1/stream/alerts", null).statusCode());
    }

    @Test
    void aQueryWithAnUnknownTokenIs401() throws Exception {
        assertEquals(401, get(server, "/api/v1/alerts", "Bearer " + WRONG).statusCode());
        assertEquals(401, get(server, "/api/v1/alerts", "Bearer " + PEER).statusCode(), "the peer secret is no user's");
        assertEquals(401, get(server, "/api/v1/alerts", "Bearer " + ALICE.substring(0, ALICE.length() - 1)).statusCode());
    }

    @Test
    void aUsersTokenLetsTheQueryThroughAsBearerBasicOrThePagesCookie() throws Exception {
        assertEquals(200, get(server, "/api/v1/openapi.json", "Bearer " + ALICE).statusCode());
        assertEquals(503, get(server, "/api/v1/alerts", "Bearer " + ALICE).statusCode(), "past the gate: not attached");
        String basic = Base64.getEncoder().encodeToString(("alice:" + ALICE).getBytes(StandardCharsets.UTF_8));
        assertEquals(200, get(server, "/api/v1/openapi.json", "Basic " + basic).statusCode());
        HttpResponse<String> withCookie = http.send(HttpRequest.newBuilder(uri(server, "/api/v1/openapi.json"))
                .header("Cookie", ApiAccess.COOKIE + "=" + ALICE).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, withCookie.statusCode());
    }

    @Test
    void theLivePageItselfHoldsNoDataAndStaysOpen() throws Exception {
        assertEquals(200, get(server, "/", null).statusCode());
        assertEquals(200, get(server, "/app.js", null).statusCode());
    }

    @Test
    void thePeersEndpointIs401WithoutCredentialAnd403ForAUsersToken() throws Exception {
        assertEquals(401, get(server, RANGE, null).statusCode());
        assertEquals(403, get(server, RANGE, "Bearer " + ALICE).statusCode());
        assertEquals(403, get(server, RANGE, "Bearer " + WRONG).statusCode());
        assertEquals(503, get(server, RANGE, "Bearer " + PEER).statusCode(), "past the gate: no local stores yet");
    }

    @Test
    void anOpenApiStillKeepsThePeersEndpointClosed() throws Exception {
        assertEquals(200, get(open, "/api/v1/openapi.json", null).statusCode());
        assertEquals(401, get(open, RANGE, null).statusCode());
        assertEquals(403, get(open, RANGE, "Bearer " + PEER).statusCode(), "no peer secret configured: nobody");
    }

    private HttpResponse<String> get(ApiServer target, String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(target, path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(ApiServer target, String path) {
        return URI.create("http://127.0.0.1:" + target.port() + path);
    }

    /** Writes to both streams. */
    private static final class TeeStream extends java.io.OutputStream {
        private final java.io.OutputStream a;
        private final java.io.OutputStream b;

        TeeStream(java.io.OutputStream a, java.io.OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public synchronized void write(int c) throws java.io.IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public synchronized void write(byte[] bytes, int off, int len) throws java.io.IOException {
            a.write(bytes, off, len);
            b.write(bytes, off, len);
        }
    }
}
