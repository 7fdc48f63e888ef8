package dev.hearken.push.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * OAuth2 access tokens for FCM from a Google service account (fcm.md §2): an RS256 JWT assertion
 * ({@code iss} = {@code client_email}, {@code scope} firebase.messaging, {@code aud} = token endpoint,
 * one hour) exchanged with {@code grant_type=jwt-bearer}. The token is cached until
 * {@code refreshMargin} before it expires; a 401 from FCM forces a new one ({@link #invalidate}).
 */
public final class FcmAccessTokens {

    /** The preferred scope (fcm.md §2). */
    public static final String SCOPE = "https://www.googleapis.com/auth/firebase.messaging";
    private static final String GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    private record Account(String projectId, String clientEmail, PrivateKey key, String privateKeyId, String tokenUri) {}

    private record Token(String value, Instant refreshAt) {}

    private final SecretSource secrets;
    private final String secretId;
    private final Optional<String> tokenUriOverride;
    private final Duration refreshMargin;
    private final HttpClient http;
    private final ObjectMapper json;
    private final Duration timeout;
    private final Clock clock;
    private Account account;
    private Token token;

    public FcmAccessTokens(SecretSource secrets, String secretId, Optional<String> tokenUriOverride, Duration refreshMargin,
            HttpClient http, ObjectMapper json, Duration timeout, Clock clock) {
        this.secrets = secrets;
        this.secretId = secretId;
        this.tokenUriOverride = tokenUriOverride;
        this.refreshMargin = refreshMargin;
        this.http = http;
        this.json = json;
        this.timeout = timeout;
        this.clock = clock;
    }

    /** The Firebase project of the service account. */
    public synchronized String projectId() {
        return account().projectId();
    }

    /** A valid access token, fetched only when the cached one is (nearly) expired. */
    public synchronized String token() {
        Instant now = clock.instant();
        if (token == null || !now.isBefore(token.refreshAt())) {
            token = fetch(now);
        }
        return token.value();
    }

    /** Forgets the cached token (FCM answered 401). */
    public synchronized void invalidate() {
        token = null;
    }

    private Account account() {
        if (account == null) {
            JsonNode sa = secrets.json(secretId);
            account = new Account(sa.path("project_id").asText(), sa.path("client_email").asText(),
                    Pem.privateKey(sa.path("private_key").asText(), "RSA"), sa.path("private_key_id").asText(null),
                    tokenUriOverride.orElse(sa.path("token_uri").asText("https://oauth2.googleapis.com/token")));
        }
        return account;
    }

    private Token fetch(Instant now) {
        Account a = account();
        ObjectNode header = json.createObjectNode().put("alg", "RS256").put("typ", "JWT");
        if (a.privateKeyId() != null) {
            header.put("kid", a.privateKeyId());
        }
        ObjectNode claims = json.createObjectNode()
                .put("iss", a.clientEmail())
                .put("scope", SCOPE)
                .put("aud", a.tokenUri())
                .put("iat", now.getEpochSecond())
                .put("exp", now.getEpochSecond() + 3600);
        String form = "grant_type=" + URLEncoder.encode(GRANT, StandardCharsets.UTF_8)
                + "&assertion=" + Jwt.sign(json, header, claims, a.key());
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(a.tokenUri()))
                    .timeout(timeout)
                    .header("content-type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("token endpoint answered " + response.statusCode());
            }
            JsonNode body = json.readTree(response.body());
            long expiresIn = body.path("expires_in").asLong(3599);
            return new Token(body.path("access_token").asText(), now.plusSeconds(expiresIn).minus(refreshMargin));
        } catch (IOException e) {
            throw new IllegalStateException("token endpoint unreachable: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
