package dev.hearken.integrations.auth;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.hearken.aws.secrets.SecretReader;
import dev.hearken.integrations.http.JsonHttp;
import dev.hearken.integration.ServiceException;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The one Google service-account token source (googleplay.md §1, fcm.md §2): an RS256 JWT assertion
 * ({@code iss} = {@code client_email}, the scope, {@code aud} = the token endpoint, one hour) exchanged with the
 * JWT-bearer grant for an access token. Tokens are cached per scope until {@code refreshMargin} before their
 * {@code expires_in}; {@link #invalidate} drops one the service refused (401).
 */
public final class GoogleAccessTokens {

    /** Google Play Developer API. */
    public static final String ANDROID_PUBLISHER = "https://www.googleapis.com/auth/androidpublisher";
    /** FCM HTTP v1 (the narrower of the two scopes fcm.md §2 allows). */
    public static final String FIREBASE_MESSAGING = "https://www.googleapis.com/auth/firebase.messaging";

    static final String DEFAULT_TOKEN_URI = "https://oauth2.googleapis.com/token";
    private static final String GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    /** Google accepts assertions living at most an hour. */
    private static final Duration ASSERTION_LIFE = Duration.ofHours(1);

    /** The token endpoint's answer. */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TokenResponse(@JsonProperty("access_token") String accessToken,
            @JsonProperty("expires_in") Long expiresIn, @JsonProperty("token_type") String tokenType) {
    }

    private record Token(String value, Duration life) {
    }

    private final SecretReader secrets;
    private final String secretId;
    private final Optional<URI> tokenUri;
    private final JsonHttp http;
    private final Duration refreshMargin;
    private final Clock clock;
    private final Cache<String, Token> tokens;

    /**
     * @param tokenUri      the token endpoint when configured (tests, local runs); else the key file's
     *                      {@code token_uri}, else Google's
     * @param refreshMargin how long before its expiry a token is replaced
     * @param clock         stamps the assertion and ages the cache
     */
    public GoogleAccessTokens(SecretReader secrets, String secretId, Optional<URI> tokenUri, HttpClient http,
            ObjectMapper json, Duration timeout, Duration refreshMargin, Clock clock) {
        this.secrets = secrets;
        this.secretId = secretId;
        this.tokenUri = tokenUri;
        this.http = new JsonHttp("google-oauth", http, json, timeout);
        this.refreshMargin = refreshMargin;
        this.clock = clock;
        this.tokens = Caffeine.newBuilder()
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .expireAfter(Expiry.writing((String scope, Token token) -> token.life()))
                .build();
    }

    /** A valid access token for {@code scope}, exchanged only when none is cached or it is about to expire. */
    public String token(String scope) {
        return tokens.get(scope, this::exchange).value();
    }

    /** Forgets the token of {@code scope}: the service answered 401 to it. */
    public void invalidate(String scope) {
        tokens.invalidate(scope);
    }

    /** The service account's Google Cloud project (FCM sends to {@code projects/{id}}). */
    public String projectId() {
        return account().projectId();
    }

    private GoogleServiceAccount account() {
        return secrets.read(secretId, GoogleServiceAccount.class);
    }

    private Token exchange(String scope) {
        GoogleServiceAccount account = account();
        URI endpoint = tokenUri.orElseGet(() -> URI.create(
                account.tokenUri() == null || account.tokenUri().isBlank() ? DEFAULT_TOKEN_URI : account.tokenUri()));
        Instant now = clock.instant();
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("typ", "JWT");
        if (account.privateKeyId() != null) {
            header.put("kid", account.privateKeyId());
        }
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", account.clientEmail());
        claims.put("scope", scope);
        claims.put("aud", endpoint.toString());
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(ASSERTION_LIFE).getEpochSecond());
        String assertion = JwtSigner.sign(JwtSigner.Algorithm.RS256, header, claims,
                JwtSigner.privateKey(account.privateKey(), JwtSigner.Algorithm.RS256));
        String form = "grant_type=" + URLEncoder.encode(GRANT, StandardCharsets.UTF_8) + "&assertion=" + assertion;
        JsonHttp.Reply reply = http.send(http.request(endpoint)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        if (reply.status() != 200) {
            throw new ServiceException("google-oauth", reply.status(), error(reply));
        }
        TokenResponse token = http.read(reply, TokenResponse.class);
        if (token.accessToken() == null) {
            throw new ServiceException("google-oauth", reply.status(), "no access_token");
        }
        long expiresIn = token.expiresIn() == null ? 3600 : token.expiresIn();
        Duration life = Duration.ofSeconds(expiresIn).minus(refreshMargin);
        return new Token(token.accessToken(), life.isNegative() ? Duration.ZERO : life);
    }

    private String error(JsonHttp.Reply reply) {
        try {
            // OAuth's own errors are {"error":"invalid_grant"}; anything else in front of it answers Google's RPC envelope.
            var error = http.json().readTree(reply.body()).path("error");
            return error.isTextual() ? error.asText() : error.path("status").asText(null);
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }
}
