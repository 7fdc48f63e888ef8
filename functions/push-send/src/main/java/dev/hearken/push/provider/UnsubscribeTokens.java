package dev.hearken.push.provider;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearken.push.port.UnsubscribeLinks;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * One-click unsubscribe links: {@code <url>?program=<program>&token=<token>}, the token being the user
 * id sealed with AES-256-GCM (random 96-bit nonce, the program as associated data) under a key from
 * Secrets Manager ({@code unsubscribeKey}, base64 of 32 bytes).
 *
 * <p>Why sealed rather than signed: the link travels in every mail and mail gets forwarded, so it
 * should reveal nothing — neither the address (never in the link) nor the user id — and why not a
 * random token stored per user: the unsubscribe endpoint then needs no lookup table, only the key.
 * The tag makes a token unforgeable and binds it to its program ({@link #userId} refuses a token
 * moved to another program's link).
 */
public final class UnsubscribeTokens implements UnsubscribeLinks {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final String url;
    private final Function<String, JsonNode> secrets;
    private final String secretId;
    private final SecureRandom random = new SecureRandom();
    private volatile SecretKey key;

    /**
     * @param url      the unsubscribe endpoint ({@code hearken.mail.unsubscribe-url})
     * @param secrets  reads a JSON secret by id
     * @param secretId the secret holding {@code unsubscribeKey}
     */
    public UnsubscribeTokens(String url, Function<String, JsonNode> secrets, String secretId) {
        this.url = url;
        this.secrets = secrets;
        this.secretId = secretId;
    }

    @Override
    public String link(String userId, String program) {
        return url + (url.contains("?") ? "&" : "?") + "program=" + URLEncoder.encode(program, StandardCharsets.UTF_8)
                + "&token=" + token(userId, program);
    }

    /** The sealed user id for {@code program}. */
    public String token(String userId, String program) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher gcm = cipher(Cipher.ENCRYPT_MODE, nonce, program);
            byte[] sealed = gcm.doFinal(userId.getBytes(StandardCharsets.UTF_8));
            byte[] out = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** The user id sealed in {@code token} for {@code program}; empty when forged, damaged or for another program. */
    public Optional<String> userId(String token, String program) {
        try {
            byte[] in = Base64.getUrlDecoder().decode(token);
            if (in.length <= NONCE_BYTES) {
                return Optional.empty();
            }
            Cipher gcm = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(in, NONCE_BYTES), program);
            return Optional.of(new String(gcm.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return Optional.empty(); // javax.crypto.AEADBadTagException: not ours
        }
    }

    private Cipher cipher(int mode, byte[] nonce, String program) throws GeneralSecurityException {
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(mode, key(), new GCMParameterSpec(TAG_BITS, nonce));
        gcm.updateAAD(program.getBytes(StandardCharsets.UTF_8));
        return gcm;
    }

    private SecretKey key() {
        SecretKey k = key;
        if (k == null) {
            String encoded = secrets.apply(secretId).path("unsubscribeKey").asText("");
            byte[] bytes = Base64.getDecoder().decode(encoded);
            if (bytes.length != 32) {
                throw new IllegalStateException("secret " + secretId + ": unsubscribeKey must be base64 of 32 bytes");
            }
            k = new SecretKeySpec(bytes, "AES");
            key = k;
        }
        return k;
    }
}
