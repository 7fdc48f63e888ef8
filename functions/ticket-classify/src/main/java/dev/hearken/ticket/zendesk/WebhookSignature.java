package dev.hearken.ticket.zendesk;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Zendesk's webhook signature (zendesk.md §8): {@code base64(HMAC-SHA256(key = secret as UTF-8,
 * message = timestamp header + raw body))}, compared in constant time, with the timestamp within a
 * window either way (older is a replay; Zendesk defines no window, we pick one).
 */
public final class WebhookSignature {

    /** Why a signature was refused (or {@link #VALID}). */
    public enum Check { VALID, MISSING, STALE, MISMATCH }

    private WebhookSignature() {
    }

    /** The signature Zendesk would send for {@code timestamp} and {@code body}. */
    public static String sign(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is always available", e);
        }
    }

    /** Whether the timestamp header is present, parseable and within {@code tolerance} of {@code now}. */
    public static Check checkTimestamp(String timestamp, Instant now, Duration tolerance) {
        if (timestamp == null || timestamp.isBlank()) {
            return Check.MISSING;
        }
        try {
            Instant at = Instant.parse(timestamp.trim());
            return Duration.between(at, now).abs().compareTo(tolerance) > 0 ? Check.STALE : Check.VALID;
        } catch (DateTimeParseException e) {
            return Check.STALE;
        }
    }

    /** Whether {@code signature} is the one for this secret, timestamp and body; constant time. */
    public static boolean matches(String secret, String timestamp, byte[] body, String signature) {
        if (signature == null || signature.isBlank() || secret == null || secret.isEmpty()) {
            return false;
        }
        byte[] expected = sign(secret, timestamp, body).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.trim().getBytes(StandardCharsets.US_ASCII));
    }
}
