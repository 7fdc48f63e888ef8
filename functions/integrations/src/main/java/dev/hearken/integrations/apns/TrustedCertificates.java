package dev.hearken.integrations.apns;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A TLS client context that trusts the certificates of one PEM file instead of the JVM's default trust
 * store: how the APNs client reaches the local fake, which serves HTTP/2 over TLS with a self-signed
 * certificate (Apple's servers speak nothing else). It narrows trust — nothing is trusted blindly, the
 * hostname is still checked — and production leaves it unset.
 * Plain JDK API ({@code CertificateFactory}, {@code KeyStore}), which GraalVM native images support.
 */
public final class TrustedCertificates {

    private TrustedCertificates() {
    }

    /** A context trusting exactly the certificates in {@code pemFile}; fails if it holds none. */
    public static SSLContext sslContext(Path pemFile) {
        try (InputStream in = Files.newInputStream(pemFile)) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certificates.isEmpty()) {
                throw new IllegalStateException("no certificate in " + pemFile);
            }
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            int i = 0;
            for (Certificate certificate : certificates) {
                trust.setCertificateEntry("trusted-" + i++, certificate);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read trusted certificates from " + pemFile, e);
        }
    }
}
