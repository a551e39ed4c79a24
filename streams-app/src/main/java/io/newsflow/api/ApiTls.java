package io.newsflow.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * HTTPS for the query API and the live page (Jetty's own TLS, the server Javalin runs on): the API's
 * key and certificate come from a keystore; the peers' client trusts the truststore, or else that
 * keystore's certificates (instances sharing one certificate, or its CA in the keystore).
 *
 * @param keystore   PKCS12 or JKS file with the API's private key and certificate chain
 * @param password   the keystore's (and key's) password
 * @param type       {@code PKCS12} or {@code JKS}
 * @param truststore what the peers' client trusts, or null: the keystore
 */
public record ApiTls(Path keystore, String password, String type, Path truststore, String truststorePassword) {

    /** The HTTPS connector on {@code host:port} (port 0 = a free port). */
    Connector connector(Server server, HttpConfiguration http, String host, int port) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStorePath(keystore.toString());
        ssl.setKeyStorePassword(password);
        ssl.setKeyStoreType(type);
        HttpConfiguration https = new HttpConfiguration(http);
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        // peers and users may reach the API by address or by another name than the certificate's;
        // the client side checks the name against the certificate
        secure.setSniHostCheck(false);
        https.addCustomizer(secure);
        ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"),
                new HttpConnectionFactory(https));
        connector.setHost(host);
        connector.setPort(port);
        return connector;
    }

    /** The TLS context of the peers' client. */
    SSLContext peerContext() {
        Path trusted = truststore != null ? truststore : keystore;
        String trustedPassword = truststore != null ? truststorePassword : password;
        try (InputStream in = Files.newInputStream(trusted)) {
            KeyStore store = KeyStore.getInstance(truststore != null ? KeyStore.getDefaultType() : type);
            store.load(in, trustedPassword == null ? null : trustedPassword.toCharArray());
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + trusted + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Cannot use " + trusted + " as a trust store: " + e.getMessage(), e);
        }
    }
}
