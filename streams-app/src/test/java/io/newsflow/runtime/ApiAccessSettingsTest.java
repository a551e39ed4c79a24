package io.newsflow.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.config.AppConfig;
import io.newsflow.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An API open to anyone binds loopback only, unless the configuration says so explicitly. */
class ApiAccessSettingsTest {

    @TempDir
    Path dir;

    @Test
    void byDefaultTheApiIsOpenOnLoopbackOnly() {
        AppConfig defaults = AppConfig.defaults();
        assertEquals("127.0.0.1", defaults.getString(NewsflowApp.API_HOST));
        assertFalse(ApiAccessSettings.access(defaults, "127.0.0.1").authenticatesUsers());
        assertFalse(ApiAccessSettings.access(defaults, "localhost").authenticatesUsers());
    }

    @Test
    void anOpenApiOnAllInterfacesIsAConfigurationErrorNamingTheKeys() {
        ConfigException refused = assertThrows(ConfigException.class,
                () -> ApiAccessSettings.access(AppConfig.defaults(), "0.0.0.0"));
        assertTrue(refused.getMessage().contains(ApiAccessSettings.TOKENS_FILE), refused.getMessage());
        assertTrue(refused.getMessage().contains(ApiAccessSettings.ALLOW_ANONYMOUS), refused.getMessage());
        assertFalse(ApiAccessSettings.access(AppConfig.defaults().with(ApiAccessSettings.ALLOW_ANONYMOUS, "true"),
                "0.0.0.0").authenticatesUsers());
    }

    @Test
    void withATokenFileTheApiMayBindAnyAddress() throws Exception {
        Path tokens = Files.writeString(dir.resolve("tokens"), "grafana:0123456789abcdef0123\n");
        assertTrue(ApiAccessSettings.access(AppConfig.defaults().with(ApiAccessSettings.TOKENS_FILE, tokens.toString()),
                "0.0.0.0").authenticatesUsers());
    }

    @Test
    void aBadSecretFileIsAConfigurationErrorThatDoesNotQuoteIt() throws Exception {
        Path shortSecret = Files.writeString(dir.resolve("peer"), "tiny-secret\n");
        ConfigException refused = assertThrows(ConfigException.class, () -> ApiAccessSettings.peerSecret(
                AppConfig.defaults().with(Map.of(ApiAccessSettings.PEER_SECRET_FILE, shortSecret.toString()))));
        assertTrue(refused.getMessage().startsWith(ApiAccessSettings.PEER_SECRET_FILE), refused.getMessage());
        assertFalse(refused.getMessage().contains("tiny-secret"), refused.getMessage());
    }
}
