package dev.hearken.push.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The APNs provider token (apns.md §4): an ES256 JWT with header {@code {alg, kid}} and claims
 * {@code {iss: team id, iat}}, reused for {@code refreshAfter} (50 min by default). Apple rejects a
 * token older than 60 minutes ({@code ExpiredProviderToken}) and one that changes more often than
 * every 20 minutes ({@code TooManyProviderTokenUpdates}), so the refresh age must lie between the two;
 * a forced refresh after {@code ExpiredProviderToken} is still refused within 20 minutes of the last one.
 */
public final class ApnsProviderTokens {

    /** Apple's minimum time between token changes. */
    public static final Duration MIN_REFRESH = Duration.ofMinutes(20);
    /** Apple rejects tokens older than this. */
    public static final Duration MAX_AGE = Duration.ofHours(1);

    private record Key(String teamId, String keyId, PrivateKey key, String topic) {}

    private record Token(String value, Instant issuedAt) {}

    private final SecretSource secrets;
    private final String secretId;
    private final Duration refreshAfter;
    private final ObjectMapper json;
    private final Clock clock;
    private Key key;
    private Token token;

    public ApnsProviderTokens(SecretSource secrets, String secretId, Duration refreshAfter, ObjectMapper json, Clock clock) {
        if (refreshAfter.compareTo(MIN_REFRESH) < 0 || refreshAfter.compareTo(MAX_AGE) >= 0) {
            throw new IllegalArgumentException("APNs token refresh must be within [20 min, 60 min): " + refreshAfter);
        }
        this.secrets = secrets;
        this.secretId = secretId;
        this.refreshAfter = refreshAfter;
        this.json = json;
        this.clock = clock;
    }

    /** The app's bundle id ({@code apns-topic}). */
    public synchronized String topic() {
        return key().topic();
    }

    /** The current token, minted when there is none or it is {@code refreshAfter} old. */
    public synchronized String token() {
        Instant now = clock.instant();
        if (token == null || !now.isBefore(token.issuedAt().plus(refreshAfter))) {
            token = mint(now);
        }
        return token.value();
    }

    /** After {@code ExpiredProviderToken}: mints a new token unless the current one is younger than 20 minutes. */
    public synchronized boolean refreshExpired() {
        Instant now = clock.instant();
        if (token != null && now.isBefore(token.issuedAt().plus(MIN_REFRESH))) {
            return false;
        }
        token = mint(now);
        return true;
    }

    private Key key() {
        if (key == null) {
            JsonNode s = secrets.json(secretId);
            key = new Key(s.path("teamId").asText(), s.path("keyId").asText(),
                    Pem.privateKey(s.path("privateKey").asText(), "EC"), s.path("topic").asText());
        }
        return key;
    }

    private Token mint(Instant now) {
        Key k = key();
        ObjectNode header = json.createObjectNode().put("alg", "ES256").put("kid", k.keyId());
        ObjectNode claims = json.createObjectNode().put("iss", k.teamId()).put("iat", now.getEpochSecond());
        return new Token(Jwt.sign(json, header, claims, k.key()), now);
    }
}
