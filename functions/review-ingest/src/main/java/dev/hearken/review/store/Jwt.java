package dev.hearken.review.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Map;

/**
 * Compact JWS signing with the JDK only: ES256 for App Store Connect (the raw R||S signature JOSE requires, which
 * the JDK's {@code SHA256withECDSAinP1363Format} produces — not DER), RS256 for Google service accounts.
 */
final class Jwt {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private Jwt() {}

    static String es256(Map<String, Object> header, Map<String, Object> claims, String pkcs8Pem, ObjectMapper json) {
        return sign(header, claims, key(pkcs8Pem, "EC"), "SHA256withECDSAinP1363Format", json);
    }

    static String rs256(Map<String, Object> header, Map<String, Object> claims, String pkcs8Pem, ObjectMapper json) {
        return sign(header, claims, key(pkcs8Pem, "RSA"), "SHA256withRSA", json);
    }

    private static String sign(Map<String, Object> header, Map<String, Object> claims, PrivateKey key, String algorithm,
            ObjectMapper json) {
        try {
            String input = B64.encodeToString(json.writeValueAsBytes(header)) + "."
                    + B64.encodeToString(json.writeValueAsBytes(claims));
            Signature signature = Signature.getInstance(algorithm);
            signature.initSign(key);
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + B64.encodeToString(signature.sign());
        } catch (JsonProcessingException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a " + algorithm + " JWT: " + e.getClass().getSimpleName());
        }
    }

    /** A PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}) private key. Never quotes the key in errors. */
    static PrivateKey key(String pem, String algorithm) {
        String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("the configured " + algorithm + " key is not a PKCS#8 PEM private key");
        }
    }
}
