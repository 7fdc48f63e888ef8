package dev.hearken.integrations.apns;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.hearken.aws.secrets.SecretReader;
import dev.hearken.integrations.auth.JwtSigner;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The APNs provider token (apns.md §4): an ES256 JWT with header {@code {alg, kid}} and claims
 * {@code {iss: team id, iat}}, reused for {@code refreshAfter} (50 min by default). Apple rejects a token older than
 * 60 minutes ({@code ExpiredProviderToken}) and one that changes more often than every 20 minutes
 * ({@code TooManyProviderTokenUpdates}), so the refresh age must lie between the two; a forced refresh after
 * {@code ExpiredProviderToken} is still refused within 20 minutes of the last one.
 */
public final class ApnsProviderTokens {

    /** Apple's minimum time between token changes. */
    public static final Duration MIN_REFRESH = Duration.ofMinutes(20);
    /** Apple rejects tokens older than this. */
    public static final Duration MAX_AGE = Duration.ofHours(1);
    private static final String KEY = "provider";

    /** What the APNs key secret holds: team, key id, the {@code .p8} key and the app's bundle id. */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ApnsKey(String teamId, String keyId, String privateKey, String topic) {
    }

    private record Token(String value, Instant issuedAt) {
    }

    private final SecretReader secrets;
    private final String secretId;
    private final Clock clock;
    private final Cache<String, Token> tokens;

    /** @param clock real time: Apple checks {@code iat} against its own clock */
    public ApnsProviderTokens(SecretReader secrets, String secretId, Duration refreshAfter, Clock clock) {
        if (refreshAfter.compareTo(MIN_REFRESH) < 0 || refreshAfter.compareTo(MAX_AGE) >= 0) {
            throw new IllegalArgumentException("APNs token refresh must be within [20 min, 60 min): " + refreshAfter);
        }
        this.secrets = secrets;
        this.secretId = secretId;
        this.clock = clock;
        this.tokens = Caffeine.newBuilder()
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .expireAfterWrite(refreshAfter)
                .build();
    }

    /** The app's bundle id ({@code apns-topic}). */
    public String topic() {
        return key().topic();
    }

    /** The current token, minted when there is none or it is {@code refreshAfter} old. */
    public String token() {
        return tokens.get(KEY, k -> mint()).value();
    }

    /** After {@code ExpiredProviderToken}: mints a new token unless the current one is younger than 20 minutes. */
    public synchronized boolean refreshExpired() {
        Token current = tokens.getIfPresent(KEY);
        if (current != null && clock.instant().isBefore(current.issuedAt().plus(MIN_REFRESH))) {
            return false;
        }
        tokens.put(KEY, mint());
        return true;
    }

    private ApnsKey key() {
        return secrets.read(secretId, ApnsKey.class);
    }

    private Token mint() {
        ApnsKey key = key();
        Instant now = clock.instant();
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("kid", key.keyId());
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", key.teamId());
        claims.put("iat", now.getEpochSecond());
        return new Token(JwtSigner.sign(JwtSigner.Algorithm.ES256, header, claims,
                JwtSigner.privateKey(key.privateKey(), JwtSigner.Algorithm.ES256)), now);
    }
}
