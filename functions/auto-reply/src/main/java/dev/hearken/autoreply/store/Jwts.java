package dev.hearken.autoreply.store;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The two JWTs the stores want, built with the JDK only: App Store Connect's ES256 bearer token and
 * Google's RS256 service-account assertion. Claims are written as compact JSON by hand because they
 * are a handful of strings and numbers the code controls (no user input).
 */
public final class Jwts {

    /** App Store Connect rejects tokens that live longer than 20 minutes; we use 15. */
    public static final long APP_STORE_LIFETIME_SECONDS = 15 * 60;
    /** Google accepts assertions of at most one hour. */
    public static final long GOOGLE_LIFETIME_SECONDS = 60 * 60;
    public static final String GOOGLE_SCOPE = "https://www.googleapis.com/auth/androidpublisher";

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private Jwts() {}

    /**
     * {@code {"alg":"ES256","kid":…,"typ":"JWT"}.{"iss":…,"iat":…,"exp":…,"aud":"appstoreconnect-v1"}},
     * signed with the team key; the signature is raw R||S (JOSE), not DER (appstoreconnect.md §1).
     */
    public static String appStore(String issuerId, String keyId, PrivateKey ecKey, Instant now) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "ES256");
        header.put("kid", keyId);
        header.put("typ", "JWT");
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuerId);
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.getEpochSecond() + APP_STORE_LIFETIME_SECONDS);
        claims.put("aud", "appstoreconnect-v1");
        return sign(header, claims, ecKey, "SHA256withECDSAinP1363Format");
    }

    /** The JWT-bearer assertion for {@code POST https://oauth2.googleapis.com/token} (googleplay.md §1). */
    public static String google(String clientEmail, String keyId, String tokenUri, PrivateKey rsaKey, Instant now) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "RS256");
        header.put("typ", "JWT");
        if (keyId != null) {
            header.put("kid", keyId);
        }
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", clientEmail);
        claims.put("scope", GOOGLE_SCOPE);
        claims.put("aud", tokenUri);
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.getEpochSecond() + GOOGLE_LIFETIME_SECONDS);
        return sign(header, claims, rsaKey, "SHA256withRSA");
    }

    /** A PKCS#8 PEM private key ({@code -----BEGIN PRIVATE KEY-----}) of the given algorithm ({@code EC}, {@code RSA}). */
    public static PrivateKey privateKey(String pem, String algorithm) {
        String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("not a PKCS#8 " + algorithm + " private key", e);
        }
    }

    private static String sign(Map<String, Object> header, Map<String, Object> claims, PrivateKey key, String algorithm) {
        String input = URL.encodeToString(json(header).getBytes(StandardCharsets.UTF_8)) + "."
                + URL.encodeToString(json(claims).getBytes(StandardCharsets.UTF_8));
        try {
            Signature signature = Signature.getInstance(algorithm);
            signature.initSign(key);
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + URL.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign the JWT with " + algorithm, e);
        }
    }

    private static String json(Map<String, Object> values) {
        StringBuilder out = new StringBuilder("{");
        values.forEach((k, v) -> {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append('"').append(k).append("\":");
            if (v instanceof Number) {
                out.append(v);
            } else {
                out.append('"').append(v.toString().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            }
        });
        return out.append('}').toString();
    }
}
