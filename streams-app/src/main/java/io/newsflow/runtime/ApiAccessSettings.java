package io.newsflow.runtime;

import io.newsflow.api.ApiAccess;
import io.newsflow.api.ApiTls;
import io.newsflow.config.AppConfig;
import io.newsflow.config.ConfigException;
import io.newsflow.serde.auth.AccessTokens;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The query API's and the served registry's access settings read from configuration: the users'
 * token file, the peers' secret, the registry writers' token file; and the one refusal of an open
 * API on a non-loopback address (the default address is loopback, so out of the box the API is
 * reachable from this machine only).
 */
public final class ApiAccessSettings {

    public static final String TOKENS_FILE = "api.auth.tokens.file";
    public static final String ALLOW_ANONYMOUS = "api.allow.anonymous";
    public static final String PEER_SECRET_FILE = "api.peer.secret.file";
    public static final String REGISTRY_TOKENS_FILE = "registry.server.auth.tokens.file";

    private ApiAccessSettings() {
    }

    /** Who may pass; a configuration error (exit 2) for an open API on a non-loopback address. */
    public static ApiAccess access(AppConfig config, String host) {
        AccessTokens users = config.getOptional(TOKENS_FILE).map(f -> tokens(TOKENS_FILE, f)).orElse(null);
        if (users == null && !config.getBoolean(ALLOW_ANONYMOUS) && !isLoopback(host)) {
            throw new ConfigException("api.host " + host + " is not a loopback address: set " + TOKENS_FILE
                    + " (who may query the API), or " + ALLOW_ANONYMOUS + "=true to let anyone who reaches it in");
        }
        AccessTokens peers = peerSecret(config).map(s -> AccessTokens.of("peer", s)).orElse(null);
        return new ApiAccess(users, peers);
    }

    /** The secret this instance presents to the others and expects from them. */
    public static Optional<String> peerSecret(AppConfig config) {
        return config.getOptional(PEER_SECRET_FILE).map(file -> {
            try {
                return AccessTokens.readSecret(Path.of(file));
            } catch (IllegalArgumentException | UncheckedIOException e) {
                throw new ConfigException(PEER_SECRET_FILE + ": " + e.getMessage(), e);
            }
        });
    }

    /** HTTPS for the API, when {@code api.tls.keystore.path} is set. */
    public static Optional<ApiTls> tls(AppConfig config) {
        return config.getOptional("api.tls.keystore.path").map(keystore -> {
            Path path = Path.of(keystore);
            if (!java.nio.file.Files.isReadable(path)) {
                throw new ConfigException("api.tls.keystore.path: cannot read " + path);
            }
            return new ApiTls(path, config.getString("api.tls.keystore.password"),
                    config.getString("api.tls.keystore.type"),
                    config.getOptional("api.tls.truststore.path").map(Path::of).orElse(null),
                    config.getString("api.tls.truststore.password"));
        });
    }

    /** The tokens writes to the served registry need, when configured. */
    public static Optional<AccessTokens> registryWriters(AppConfig config) {
        return config.getOptional(REGISTRY_TOKENS_FILE).map(f -> tokens(REGISTRY_TOKENS_FILE, f));
    }

    private static AccessTokens tokens(String key, String file) {
        try {
            return AccessTokens.load(Path.of(file));
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new ConfigException(key + ": " + e.getMessage(), e);
        }
    }

    static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
