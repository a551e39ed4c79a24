package io.newsflow.runtime;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A self-signed certificate authority and a server certificate it signs, for {@code 127.0.0.1} and
 * {@code localhost}, written as PKCS#12 files: the server's key store and the clients' trust store
 * (the CA's certificate only). Made fresh for the embedded broker's TLS listener and its tests; the
 * JDK has no public API that creates certificates (keytool is a tool), hence Bouncy Castle.
 *
 * @param keyStore   the server's key and certificate chain (alias {@code server})
 * @param trustStore the CA certificate (alias {@code ca}), to give clients as {@code ssl.truststore.location}
 * @param password   of both stores and of the key
 */
public record TlsFiles(Path keyStore, Path trustStore, String password) {

    public static final String STORE_TYPE = "PKCS12";
    private static final Duration VALIDITY = Duration.ofDays(365);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Creates {@code server.keystore.p12} and {@code truststore.p12} in {@code dir} (created when missing). */
    public static TlsFiles generate(Path dir) {
        try {
            Files.createDirectories(dir);
            String password = HexFormat.of().formatHex(RANDOM.generateSeed(12));
            KeyPair caKeys = keyPair();
            X500Name caName = new X500Name("CN=newsflow test CA");
            X509Certificate ca = certificate(caName, caKeys.getPublic(), caName, caKeys.getPrivate(), true);
            KeyPair serverKeys = keyPair();
            X509Certificate server = certificate(new X500Name("CN=localhost"), serverKeys.getPublic(), caName,
                    caKeys.getPrivate(), false);

            KeyStore keyStore = KeyStore.getInstance(STORE_TYPE);
            keyStore.load(null, null);
            keyStore.setKeyEntry("server", serverKeys.getPrivate(), password.toCharArray(), new Certificate[] {server, ca});
            KeyStore trustStore = KeyStore.getInstance(STORE_TYPE);
            trustStore.load(null, null);
            trustStore.setCertificateEntry("ca", ca);

            TlsFiles files = new TlsFiles(dir.resolve("server.keystore.p12"), dir.resolve("truststore.p12"), password);
            write(keyStore, files.keyStore(), password);
            write(trustStore, files.trustStore(), password);
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write TLS key stores in " + dir, e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("Cannot create TLS certificates: " + e, e);
        }
    }

    private static KeyPair keyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        return generator.generateKeyPair();
    }

    private static X509Certificate certificate(X500Name subject, java.security.PublicKey key, X500Name issuer,
            PrivateKey issuerKey, boolean authority) throws GeneralSecurityException, IOException, OperatorCreationException {
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, new BigInteger(64, RANDOM),
                Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(VALIDITY)), subject, key);
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(authority));
        if (authority) {
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        } else {
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                    new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                    new GeneralName(GeneralName.dNSName, "localhost")}));
        }
        ContentSigner signer = new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey);
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    }

    private static void write(KeyStore store, Path file, String password) throws IOException, GeneralSecurityException {
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password.toCharArray());
        }
    }
}
