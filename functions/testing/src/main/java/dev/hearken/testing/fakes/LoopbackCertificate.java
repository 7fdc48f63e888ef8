package dev.hearken.testing.fakes;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed TLS certificate for {@code 127.0.0.1} and {@code localhost}, made once per JVM, for the
 * fakes that serve TLS (the APNs fake: Apple's servers speak HTTP/2 over TLS only). Clients trust it,
 * and only it, through {@link #pemFile()} (a function's configuration, e.g.
 * {@code HEARKEN_PUSH_APNS_TRUST_CERTIFICATES}) or {@link #sslContext()} (a test's own client).
 *
 * <p>Made with the JDK's {@code keytool} (EC P-256, SHA256withECDSA, valid 30 days, subject alternative
 * names {@code ip:127.0.0.1} and {@code dns:localhost}, so the client's hostname check passes): no
 * certificate or private key is committed, and the JDK has no public API to build a certificate.
 * Netty's {@code SelfSignedCertificate} would need BouncyCastle or the JDK's non-exported
 * {@code sun.security.x509}, and has no IP subject alternative name.
 */
public final class LoopbackCertificate {

    private static LoopbackCertificate shared;

    private final byte[] keyStore;
    private final String password;
    private final X509Certificate certificate;
    private final Path pemFile;

    private LoopbackCertificate(byte[] keyStore, String password, X509Certificate certificate, Path pemFile) {
        this.keyStore = keyStore;
        this.password = password;
        this.certificate = certificate;
        this.pemFile = pemFile;
    }

    /** This JVM's certificate, made on first use (about half a second for keytool). */
    public static synchronized LoopbackCertificate shared() {
        if (shared == null) {
            shared = create();
        }
        return shared;
    }

    private static LoopbackCertificate create() {
        try {
            Path dir = Files.createTempDirectory("hearken-fake-tls");
            Path p12 = dir.resolve("fake.p12");
            String password = UUID.randomUUID().toString();
            Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
            Process process = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", "fake",
                    "-keyalg", "EC", "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA",
                    "-dname", "CN=localhost, O=Hearken fakes", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                    "-validity", "30", "-storetype", "PKCS12", "-keystore", p12.toString(),
                    "-storepass", password, "-keypass", password))
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
            byte[] bytes = Files.readAllBytes(p12);
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(bytes), password.toCharArray());
            X509Certificate certificate = (X509Certificate) store.getCertificate("fake");
            Path pem = dir.resolve("fake-ca.pem");
            Files.writeString(pem, "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n");
            Files.delete(p12);
            pem.toFile().deleteOnExit();
            dir.toFile().deleteOnExit();
            return new LoopbackCertificate(bytes, password, certificate, pem);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot make a certificate for the TLS fakes", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while making a certificate for the TLS fakes", e);
        }
    }

    /** The key and certificate as a PKCS#12 key store, protected by {@link #password()}. */
    public byte[] keyStore() {
        return keyStore.clone();
    }

    public String password() {
        return password;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** The certificate as a PEM file (deleted when the JVM exits): what a client trusts. */
    public Path pemFile() {
        return pemFile;
    }

    /** A client context that trusts this certificate and nothing else. */
    public SSLContext sslContext() {
        try {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            trust.setCertificateEntry("fake", certificate);
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot build a client context for the TLS fakes", e);
        }
    }
}
