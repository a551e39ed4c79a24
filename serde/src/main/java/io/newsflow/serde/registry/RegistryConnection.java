package io.newsflow.serde.registry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * How the HTTP registry client connects, from Confluent's client keys, so that a configuration
 * written for Confluent's serializer works here unchanged and the other way round:
 * <ul>
 *   <li>TLS: {@code schema.registry.ssl.truststore.location}/{@code .password}/{@code .type},
 *       {@code schema.registry.ssl.keystore.location}/{@code .password}/{@code .type} and
 *       {@code schema.registry.ssl.key.password} (mutual TLS); JKS or PKCS12 (the default);</li>
 *   <li>a bearer token: {@code bearer.auth.credentials.source=STATIC_TOKEN} with {@code bearer.auth.token}
 *       (sent instead of basic credentials, as Confluent's client does).</li>
 * </ul>
 * Basic credentials ({@code basic.auth.*}) stay with {@link RegistryEndpoint}, per URL.
 *
 * @param sslContext  the TLS context of https URLs when a store is configured; empty = the JDK's defaults
 * @param bearerToken the token to send as {@code Authorization: Bearer}, when configured
 */
public record RegistryConnection(Optional<SSLContext> sslContext, Optional<String> bearerToken) {

    public static final String PREFIX = "schema.registry.ssl.";
    public static final String TRUSTSTORE_LOCATION = PREFIX + "truststore.location";
    public static final String TRUSTSTORE_PASSWORD = PREFIX + "truststore.password";
    public static final String TRUSTSTORE_TYPE = PREFIX + "truststore.type";
    public static final String KEYSTORE_LOCATION = PREFIX + "keystore.location";
    public static final String KEYSTORE_PASSWORD = PREFIX + "keystore.password";
    public static final String KEYSTORE_TYPE = PREFIX + "keystore.type";
    public static final String KEY_PASSWORD = PREFIX + "key.password";
    public static final String BEARER_SOURCE = "bearer.auth.credentials.source";
    public static final String BEARER_TOKEN = "bearer.auth.token";
    public static final String STATIC_TOKEN = "STATIC_TOKEN";

    public static final RegistryConnection DEFAULT = new RegistryConnection(Optional.empty(), Optional.empty());

    /** @throws IllegalArgumentException naming the key when a setting is missing, unsupported or unreadable */
    public static RegistryConnection from(Map<String, ?> configs) {
        return new RegistryConnection(sslContext(configs), bearerToken(configs));
    }

    private static Optional<String> bearerToken(Map<String, ?> configs) {
        String source = text(configs, BEARER_SOURCE);
        if (source.isEmpty()) {
            return Optional.empty();
        }
        if (!source.toUpperCase(Locale.ROOT).equals(STATIC_TOKEN)) {
            throw new IllegalArgumentException("Unsupported " + BEARER_SOURCE + " '" + source + "': newsflow's registry"
                    + " client supports " + STATIC_TOKEN + " (with " + BEARER_TOKEN + ")");
        }
        String token = text(configs, BEARER_TOKEN);
        if (token.isEmpty()) {
            throw new IllegalArgumentException(BEARER_SOURCE + "=" + STATIC_TOKEN + " needs " + BEARER_TOKEN);
        }
        return Optional.of(token);
    }

    /** One context per distinct TLS settings: HTTP clients are shared per context (see HttpSchemaRegistryClient). */
    private static final Map<Map<String, String>, SSLContext> CONTEXTS = new java.util.concurrent.ConcurrentHashMap<>();

    private static Optional<SSLContext> sslContext(Map<String, ?> configs) {
        Map<String, String> settings = new java.util.TreeMap<>();
        configs.keySet().stream().filter(k -> k.startsWith(PREFIX)).forEach(k -> settings.put(k, text(configs, k)));
        if (text(configs, TRUSTSTORE_LOCATION).isEmpty() && text(configs, KEYSTORE_LOCATION).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(CONTEXTS.computeIfAbsent(settings, s -> newSslContext(configs)));
    }

    private static SSLContext newSslContext(Map<String, ?> configs) {
        String trustStore = text(configs, TRUSTSTORE_LOCATION);
        String keyStore = text(configs, KEYSTORE_LOCATION);
        try {
            TrustManagerFactory trust = null;
            if (!trustStore.isEmpty()) {
                trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trust.init(load(trustStore, text(configs, TRUSTSTORE_TYPE), text(configs, TRUSTSTORE_PASSWORD),
                        TRUSTSTORE_LOCATION));
            }
            KeyManagerFactory keys = null;
            if (!keyStore.isEmpty()) {
                String storePassword = text(configs, KEYSTORE_PASSWORD);
                String keyPassword = text(configs, KEY_PASSWORD);
                keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(load(keyStore, text(configs, KEYSTORE_TYPE), storePassword, KEYSTORE_LOCATION),
                        (keyPassword.isEmpty() ? storePassword : keyPassword).toCharArray());
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys == null ? null : keys.getKeyManagers(), trust == null ? null : trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Cannot set up TLS for the schema registry from " + PREFIX + "*: " + e, e);
        }
    }

    private static KeyStore load(String location, String type, String password, String key)
            throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(type.isEmpty() ? "PKCS12" : type);
        try (InputStream in = Files.newInputStream(Path.of(location))) {
            store.load(in, password.isEmpty() ? null : password.toCharArray());
            return store;
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read " + key + "=" + location + ": " + e.getMessage(), e);
        }
    }

    private static String text(Map<String, ?> configs, String key) {
        Object value = configs.get(key);
        if (value == null) {
            return "";
        }
        // Kafka's Password type hides its value from toString()
        String text = value instanceof org.apache.kafka.common.config.types.Password p ? p.value() : value.toString();
        return text.trim();
    }
}
