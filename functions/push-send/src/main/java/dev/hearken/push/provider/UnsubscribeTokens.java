package dev.hearken.push.provider;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearken.push.port.SealedRecipients;
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
 *
 * <p>The same sealing, with {@value #RECIPIENT_TAG_CONTEXT} as associated data, makes the recipient tag SES
 * publishes back with bounce and complaint events ({@link #recipientTag}): base64url without padding is
 * exactly the alphabet SES allows in tag values ({@code [A-Za-z0-9_-]}, at most 256 characters), and the
 * event (SNS, SQS, a DLQ, logs) then carries no readable user id. The context contains a {@code :}, which
 * no program name may, so an unsubscribe token never opens as a tag nor a tag as a token.
 */
public final class UnsubscribeTokens implements UnsubscribeLinks, SealedRecipients {

    /** Associated data of recipient tags (not a valid program name, so distinct from every unsubscribe token). */
    public static final String RECIPIENT_TAG_CONTEXT = "ses-tag:recipient";
    /** Longest value SES accepts in a message tag. */
    public static final int MAX_TAG_LENGTH = 256;

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

    /**
     * The tag value that names {@code userId} in SES events, or empty when the sealed id would be longer than
     * SES allows ({@value #MAX_TAG_LENGTH} characters: user ids up to about 160 bytes fit).
     */
    public Optional<String> recipientTag(String userId) {
        String tag = token(userId, RECIPIENT_TAG_CONTEXT);
        return tag.length() <= MAX_TAG_LENGTH ? Optional.of(tag) : Optional.empty();
    }

    @Override
    public Optional<String> userIdOfTag(String tag) {
        return userId(tag, RECIPIENT_TAG_CONTEXT);
    }

    /** The user id sealed in {@code token} for {@code program}; empty when forged, damaged or for another program. */
    @Override
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
