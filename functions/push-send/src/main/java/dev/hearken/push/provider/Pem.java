package dev.hearken.push.provider;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/** PKCS#8 PEM private keys, as in a Google service-account JSON ({@code RSA}) and an APNs {@code .p8} file ({@code EC}). */
final class Pem {

    private Pem() {}

    static PrivateKey privateKey(String pem, String algorithm) {
        String base64 = pem.replaceAll("-----(BEGIN|END) [A-Z ]*PRIVATE KEY-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("the " + algorithm + " private key in the secret is not a PKCS#8 PEM key", e);
        }
    }
}
