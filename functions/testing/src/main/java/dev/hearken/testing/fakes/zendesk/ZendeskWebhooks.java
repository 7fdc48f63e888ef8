package dev.hearken.testing.fakes.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearken.testing.RepositoryRoot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Zendesk's side of a webhook delivery, for tests and the local runtime: signs bodies as Zendesk does
 * ({@code ../shared/contracts/zendesk.md} §8: {@code base64(HMAC-SHA256(secret, timestamp + body))}) with the
 * test-only secret of {@code infra/seed/secrets.local.json}, so that the functions keep production's signature
 * window of five minutes and samples with fixed timestamps are signed again just before they are sent.
 */
public final class ZendeskWebhooks {

    /** The header names as API Gateway's payload 2.0 passes them (lower case). */
    public static final String SIGNATURE = "x-zendesk-webhook-signature";
    public static final String TIMESTAMP = "x-zendesk-webhook-signature-timestamp";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ZendeskWebhooks() {}

    /** The test-only webhook signing secret ({@code hearken/zendesk} → {@code webhookSigningSecret}). */
    public static String testSecret() {
        try {
            JsonNode secrets = JSON.readTree(RepositoryRoot.get().resolve("infra/seed/secrets.local.json").toFile());
            String secret = secrets.path("hearken/zendesk").path("webhookSigningSecret").asText("");
            if (secret.isEmpty()) {
                throw new IllegalStateException("infra/seed/secrets.local.json has no hearken/zendesk webhookSigningSecret");
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The signature Zendesk sends for {@code timestamp} and {@code body}. */
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

    /** The timestamp header value Zendesk would send at {@code at} (ISO-8601, whole seconds). */
    public static String timestamp(Instant at) {
        return at.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** Whether an HTTP API event (payload 2.0) carries a Zendesk webhook signature header. */
    public static boolean isSigned(JsonNode event) {
        return event.path("headers").has(SIGNATURE);
    }

    /** Whether the event's signature is the one {@code secret} gives for its own timestamp and body. */
    public static boolean signedWith(JsonNode event, String secret) {
        JsonNode headers = event.path("headers");
        String expected = sign(secret, headers.path(TIMESTAMP).asText(""), body(event));
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                headers.path(SIGNATURE).asText("").getBytes(StandardCharsets.US_ASCII));
    }

    /** The event's timestamp set to {@code at} and its body signed for it with {@code secret}; modifies {@code event}. */
    public static ObjectNode resign(ObjectNode event, String secret, Instant at) {
        String timestamp = timestamp(at);
        ObjectNode headers = headers(event);
        headers.put(TIMESTAMP, timestamp);
        headers.put(SIGNATURE, sign(secret, timestamp, body(event)));
        return event;
    }

    /**
     * The event's timestamp set to {@code at}, its signature left as it was: a forged signature stays forged and is
     * refused as such, not as stale; modifies {@code event}.
     */
    public static ObjectNode retime(ObjectNode event, Instant at) {
        headers(event).put(TIMESTAMP, timestamp(at));
        return event;
    }

    private static ObjectNode headers(ObjectNode event) {
        return event.get("headers") instanceof ObjectNode headers ? headers : event.putObject("headers");
    }

    private static byte[] body(JsonNode event) {
        String body = event.path("body").asText("");
        return event.path("isBase64Encoded").asBoolean(false)
                ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
    }
}
