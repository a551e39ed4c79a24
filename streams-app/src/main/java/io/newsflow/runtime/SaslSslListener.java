package io.newsflow.runtime;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The secured listener of an {@link EmbeddedKafkaBroker}: what production clusters ask of clients.
 * <ul>
 *   <li>{@code SASL_SSL} on the client port: TLS with a certificate for 127.0.0.1/localhost signed by
 *       a CA made at start ({@link TlsFiles}; clients trust {@link TlsFiles#trustStore()}), and SCRAM-SHA-512
 *       logins of {@link #users()};</li>
 *   <li>the StandardAuthorizer, no access without an ACL, and one super user: {@code User:broker},
 *       the broker itself on its internal (inter-broker) and controller listeners, which use SASL/PLAIN
 *       with a password made at start and bind 127.0.0.1 (SCRAM cannot authenticate KRaft controllers).</li>
 * </ul>
 *
 * @param tls   the key store and trust store
 * @param users SCRAM-SHA-512 user name to password
 */
public record SaslSslListener(TlsFiles tls, Map<String, String> users) {

    public static final String MECHANISM = "SCRAM-SHA-512";
    public static final String BROKER_USER = "broker";
    private static final String BROKER_PASSWORD = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));

    public SaslSslListener {
        users = Map.copyOf(users);
        if (users.containsKey(BROKER_USER)) {
            throw new IllegalArgumentException("'" + BROKER_USER + "' is the broker's own user; pick another name");
        }
    }

    /** The client settings of {@code user}, in Kafka's key names (what a newsflow configuration sets at the top level). */
    public Map<String, String> clientConfig(String user, String password) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("security.protocol", "SASL_SSL");
        config.put("sasl.mechanism", MECHANISM);
        config.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                + user + "\" password=\"" + password + "\";");
        config.put("ssl.truststore.location", tls.trustStore().toString());
        config.put("ssl.truststore.password", tls.password());
        config.put("ssl.truststore.type", TlsFiles.STORE_TYPE);
        return config;
    }

    /** The broker's own client settings on its internal listener at {@code internalAddress}. */
    Map<String, String> internalClientConfig(String internalAddress) {
        return Map.of("bootstrap.servers", internalAddress,
                "security.protocol", "SASL_PLAINTEXT",
                "sasl.mechanism", "PLAIN",
                "sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
                        + BROKER_USER + "\" password=\"" + BROKER_PASSWORD + "\";");
    }

    /** Server properties on top of the plaintext broker's: listeners, SASL, TLS and the authorizer. */
    Properties serverProperties(String host, int clientPort, int internalPort, int controllerPort) {
        String brokerLogin = "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
                + BROKER_USER + "\" password=\"" + BROKER_PASSWORD + "\" user_" + BROKER_USER + "=\"" + BROKER_PASSWORD + "\";";
        Properties p = new Properties();
        p.put("listeners", "SASL_SSL://" + host + ":" + clientPort + ",INTERNAL://" + host + ":" + internalPort
                + ",CONTROLLER://" + host + ":" + controllerPort);
        p.put("advertised.listeners", "SASL_SSL://" + host + ":" + clientPort + ",INTERNAL://" + host + ":" + internalPort);
        p.put("listener.security.protocol.map", "SASL_SSL:SASL_SSL,INTERNAL:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT");
        p.put("inter.broker.listener.name", "INTERNAL");
        p.put("sasl.mechanism.inter.broker.protocol", "PLAIN");
        p.put("sasl.mechanism.controller.protocol", "PLAIN");
        p.put("listener.name.internal.sasl.enabled.mechanisms", "PLAIN");
        p.put("listener.name.internal.plain.sasl.jaas.config", brokerLogin);
        p.put("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
        p.put("listener.name.controller.plain.sasl.jaas.config", brokerLogin);
        p.put("listener.name.sasl_ssl.sasl.enabled.mechanisms", MECHANISM);
        p.put("listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        p.put("listener.name.sasl_ssl.ssl.keystore.location", tls.keyStore().toString());
        p.put("listener.name.sasl_ssl.ssl.keystore.password", tls.password());
        p.put("listener.name.sasl_ssl.ssl.key.password", tls.password());
        p.put("listener.name.sasl_ssl.ssl.keystore.type", TlsFiles.STORE_TYPE);
        p.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        p.put("super.users", "User:" + BROKER_USER);
        p.put("allow.everyone.if.no.acl.found", "false");
        return p;
    }
}
