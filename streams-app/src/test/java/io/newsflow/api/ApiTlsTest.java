package io.newsflow.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.serde.auth.AccessTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * With a keystore the API speaks HTTPS only: a client trusting the certificate gets its answers
 * (tokens still required), plain HTTP gets none, and the peers' client reads over HTTPS with the
 * peer secret. The certificate is made by the JDK's keytool for this test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiTlsTest {

    private static final String PASSWORD = "test-keystore-password";
    private static final String TOKEN = "tls-user-token-5e2a9c";
    private static final String PEER = "tls-peer-secret-8d1f3b";

    @TempDir
    static Path dir;
    private ApiTls tls;
    private ApiServer server;

    @BeforeAll
    void startOverHttps() throws Exception {
        Path keystore = dir.resolve("api.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "api", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        assertEquals(0, keytool.waitFor(), output);
        tls = new ApiTls(keystore, PASSWORD, "PKCS12", null, null);
        server = ApiServer.start("127.0.0.1", 0, new ApiAccess(AccessTokens.of("user", TOKEN),
                AccessTokens.of("peer", PEER)), PEER, tls);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void aClientTrustingTheCertificateIsAnsweredOverHttpsWithItsToken() throws Exception {
        HttpClient https = HttpClient.newBuilder().sslContext(tls.peerContext()).build();
        URI uri = URI.create("https://127.0.0.1:" + server.port() + "/api/v1/openapi.json");
        assertEquals(200, https.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + TOKEN).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
        assertEquals(401, https.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode());
    }

    @Test
    void plainHttpGetsNoAnswer() throws Exception {
        URI plain = URI.create("http://127.0.0.1:" + server.port() + "/api/v1/openapi.json");
        boolean answered;
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(plain)
                    .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
            answered = response.statusCode() == 200;
        } catch (IOException e) {
            answered = false; // the TLS port closes a plain-text request
        }
        assertEquals(false, answered);
    }

    @Test
    void thePeersClientReadsOverHttpsWithTheSecret() {
        PeerClient peers = new PeerClient(new ObjectMapper(), PEER, tls.peerContext());
        IOException answer = assertThrows(IOException.class, () -> peers.range(new HostInfo("127.0.0.1", server.port()),
                "alert-view", null, StoreReader.Range.of("a", "b")));
        // past TLS and the peer check: this instance has no stores attached yet
        assertTrue(answer.getMessage().contains("answered 503"), answer.getMessage());
    }
}
