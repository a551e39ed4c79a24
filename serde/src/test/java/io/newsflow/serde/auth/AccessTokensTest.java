package io.newsflow.serde.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A token file names who holds which token; a match hands out the name, never the token. */
class AccessTokensTest {

    private static final String ALICE = "alice-0123456789abcdef";
    private static final String GRAFANA = "grafana-fedcba9876543210";

    @TempDir
    Path dir;

    @Test
    void aPresentedTokenIsKnownByTheNameItIsFiledUnder() throws Exception {
        AccessTokens tokens = AccessTokens.load(file("# who may read\nalice: " + ALICE + "\n\ngrafana:" + GRAFANA + "\n"));

        assertEquals(Optional.of("alice"), tokens.match(ALICE));
        assertEquals(Optional.of("grafana"), tokens.match(GRAFANA));
        assertEquals(Optional.empty(), tokens.match(ALICE + "x"));
        assertEquals(Optional.empty(), tokens.match(ALICE.substring(0, 10)));
        assertEquals(Optional.empty(), tokens.match(""));
        assertEquals(Optional.empty(), tokens.match(null));
    }

    @Test
    void aMalformedLineOrAShortTokenIsRefusedWithoutQuotingIt() throws Exception {
        IllegalArgumentException noName = assertThrows(IllegalArgumentException.class,
                () -> AccessTokens.load(file(ALICE + "\n")));
        assertEquals(dir.resolve("tokens") + " line 1: expected name:token", noName.getMessage());
        IllegalArgumentException tooShort = assertThrows(IllegalArgumentException.class,
                () -> AccessTokens.load(file("alice:short-secret\n")));
        assertFalse(tooShort.getMessage().contains("short-secret"), tooShort.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AccessTokens.load(file("# nobody\n")));
    }

    @Test
    void theSecretComesFromABearerOrABasicHeader() {
        assertEquals(Optional.of(ALICE), AccessTokens.fromAuthorization("Bearer " + ALICE));
        assertEquals(Optional.of(ALICE), AccessTokens.fromAuthorization("bearer " + ALICE));
        String basic = Base64.getEncoder().encodeToString(("alice:" + ALICE).getBytes(StandardCharsets.UTF_8));
        assertEquals(Optional.of(ALICE), AccessTokens.fromAuthorization("Basic " + basic));
        assertEquals(Optional.empty(), AccessTokens.fromAuthorization("Basic not-base64!"));
        assertEquals(Optional.empty(), AccessTokens.fromAuthorization("Digest x"));
        assertEquals(Optional.empty(), AccessTokens.fromAuthorization(null));
    }

    private Path file(String text) throws Exception {
        return Files.writeString(dir.resolve("tokens"), text);
    }
}
