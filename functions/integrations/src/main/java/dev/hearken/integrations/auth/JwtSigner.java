package dev.hearken.integrations.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one compact-JWS signer (RFC 7515), JDK crypto only — see the package documentation for why no library.
 * ES256 for App Store Connect and APNs (the raw R||S signature JOSE requires, not DER), RS256 for Google service
 * accounts. Header and claims are small maps of strings and numbers, serialised by Jackson without any binding.
 */
public final class JwtSigner {

    /** The two JWS algorithms our services ask for, with the key type and JDK signature algorithm of each. */
    public enum Algorithm {
        ES256("EC", "SHA256withECDSAinP1363Format"),
        RS256("RSA", "SHA256withRSA");

        private final String keyType;
        private final String jdkName;

        Algorithm(String keyType, String jdkName) {
            this.keyType = keyType;
            this.jdkName = jdkName;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private JwtSigner() {
    }

    /**
     * {@code base64url(header).base64url(claims).base64url(signature)}; the header's {@code alg} is set from
     * {@code algorithm}, the other header fields ({@code kid}, {@code typ}) are the caller's.
     */
    public static String sign(Algorithm algorithm, Map<String, ?> header, Map<String, ?> claims, PrivateKey key) {
        Map<String, Object> fullHeader = new LinkedHashMap<>();
        fullHeader.put("alg", algorithm.name());
        fullHeader.putAll(header);
        try {
            String input = B64.encodeToString(JSON.writeValueAsBytes(fullHeader)) + "."
                    + B64.encodeToString(JSON.writeValueAsBytes(claims));
            Signature signature = Signature.getInstance(algorithm.jdkName);
            signature.initSign(key);
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + B64.encodeToString(signature.sign());
        } catch (JsonProcessingException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a " + algorithm + " JWT: " + e.getClass().getSimpleName(), e);
        }
    }

    /**
     * A PKCS#8 PEM private key ({@code -----BEGIN PRIVATE KEY-----}, as in an App Store Connect or APNs {@code .p8}
     * file and a Google service-account JSON) for {@code algorithm}. Errors never quote the key.
     */
    public static PrivateKey privateKey(String pem, Algorithm algorithm) {
        if (pem == null || pem.isBlank()) {
            throw new IllegalStateException("no " + algorithm.keyType + " private key is configured");
        }
        String base64 = pem.replaceAll("-----(BEGIN|END) [A-Z ]*PRIVATE KEY-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance(algorithm.keyType)
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("the configured " + algorithm.keyType + " key is not a PKCS#8 PEM private key");
        }
    }
}
