package dev.hearken.integrations.appstore;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.aws.secrets.SecretReader;
import dev.hearken.integrations.appstore.AppStoreResources.AppStoreKey;
import dev.hearken.integrations.appstore.AppStoreResources.CustomerReview;
import dev.hearken.integrations.appstore.AppStoreResources.CustomerReviewDocument;
import dev.hearken.integrations.appstore.AppStoreResources.CustomerReviewsDocument;
import dev.hearken.integrations.appstore.AppStoreResources.CustomerReviewsPage;
import dev.hearken.integrations.appstore.AppStoreResources.ErrorDocument;
import dev.hearken.integrations.appstore.AppStoreResources.ResponseDocument;
import dev.hearken.integrations.auth.JwtSigner;
import dev.hearken.integrations.http.JsonHttp;
import dev.hearken.integration.ServiceException;
import java.io.IOException;
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
import java.util.concurrent.TimeUnit;

/**
 * The one App Store Connect client (appstoreconnect.md): list an app's customer reviews newest first, read one
 * review with its response, create or replace the response.
 *
 * <p>Auth (§1): an ES256 JWT ({@code kid}, {@code iss}, {@code aud=appstoreconnect-v1}) living 19 minutes — Apple
 * rejects tokens living longer than 20 — reused for 15 and dropped on a 401. Errors (§3) map to the kernel model:
 * 429 → rate limited after {@code defaultRetry} (Apple sends no Retry-After; its budget is hourly), 404 → not
 * found, 409 → conflict, anything else → {@link ServiceException} with the first error's {@code code}.
 */
public final class AppStoreConnectClient {

    /** The service name in errors. */
    public static final String SERVICE = "app-store";
    static final Duration TOKEN_LIFE = Duration.ofMinutes(19);
    static final Duration TOKEN_REUSE = Duration.ofMinutes(15);

    private final URI baseUrl;
    private final JsonHttp http;
    private final ObjectMapper json;
    private final SecretReader secrets;
    private final String secretId;
    private final Duration defaultRetry;
    private final Clock clock;
    private final Cache<String, String> tokens;

    /**
     * @param secretId     Secrets Manager id of {@code {"issuerId","keyId","privateKey"}}
     * @param defaultRetry the wait after a 429
     */
    public AppStoreConnectClient(URI baseUrl, HttpClient http, ObjectMapper json, Duration timeout,
            SecretReader secrets, String secretId, Duration defaultRetry, Clock clock) {
        this.baseUrl = baseUrl;
        this.http = new JsonHttp(SERVICE, http, json, timeout);
        this.json = json;
        this.secrets = secrets;
        this.secretId = secretId;
        this.defaultRetry = defaultRetry;
        this.clock = clock;
        this.tokens = Caffeine.newBuilder()
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .expireAfterWrite(TOKEN_REUSE)
                .build();
    }

    /**
     * {@code GET /v1/apps/{id}/customerReviews} (§4), newest first with responses included; {@code next} (a
     * {@link CustomerReviewsPage#next()} of an earlier page) is followed verbatim — but only on the configured host:
     * its path and query are re-based onto the base URL, so the team key's token never goes anywhere else.
     */
    public CustomerReviewsPage reviews(String appId, int limit, String next) {
        URI uri = next == null
                ? baseUrl.resolve("/v1/apps/" + encode(appId) + "/customerReviews?sort=-createdDate&limit=" + limit
                        + "&include=response")
                : rebase(URI.create(next));
        JsonHttp.Reply reply = get(uri, "customerReviews of " + appId);
        CustomerReviewsDocument body = http.read(reply, CustomerReviewsDocument.class);
        if (body == null || body.data() == null) {
            throw new ServiceException(SERVICE, reply.status(), "response has no data array");
        }
        for (CustomerReview review : body.data()) {
            if (review == null || review.id() == null || review.attributes() == null
                    || review.attributes().createdDate() == null) {
                throw new ServiceException(SERVICE, reply.status(), "review without id or createdDate");
            }
        }
        String link = body.links() == null ? null : body.links().next();
        return new CustomerReviewsPage(body.data(), link, remaining(reply.header("x-rate-limit").orElse(null)));
    }

    /** {@code GET /v1/customerReviews/{id}?include=response}: the review and its response, if any. */
    public CustomerReviewDocument review(String reviewId) {
        JsonHttp.Reply reply = get(baseUrl.resolve("/v1/customerReviews/" + encode(reviewId) + "?include=response"),
                "customerReview " + reviewId);
        return http.read(reply, CustomerReviewDocument.class);
    }

    /** {@code POST /v1/customerReviewResponses} → 201: creates or replaces the review's single response (§5). */
    public ResponseDocument respond(String reviewId, String text) {
        HttpRequest request = http.request(baseUrl.resolve("/v1/customerReviewResponses"))
                .header("Authorization", "Bearer " + token())
                .header("Content-Type", "application/json")
                .POST(http.body(AppStoreResources.createResponse(reviewId, text))).build();
        return http.read(checked(http.send(request), "response to customerReview " + reviewId), ResponseDocument.class);
    }

    private JsonHttp.Reply get(URI uri, String object) {
        HttpRequest request = http.request(uri).header("Authorization", "Bearer " + token()).GET().build();
        return checked(http.send(request), object);
    }

    private JsonHttp.Reply checked(JsonHttp.Reply reply, String object) {
        if (reply.status() == 401) {
            tokens.invalidateAll(); // maybe revoked, or clock skew: sign a new one next time
        }
        return http.check(reply, object, defaultRetry, reply.ok() ? null : errorCode(reply));
    }

    private String errorCode(JsonHttp.Reply reply) {
        try {
            ErrorDocument errors = json.readValue(reply.body(), ErrorDocument.class);
            return errors.errors() == null || errors.errors().isEmpty() ? null : errors.errors().get(0).code();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** {@code user-hour-rem} of {@code X-Rate-Limit: user-hour-lim:3600;user-hour-rem:3121;} (§2), or {@code null}. */
    static Integer remaining(String header) {
        if (header == null) {
            return null;
        }
        for (String part : header.split(";")) {
            String[] kv = part.trim().split(":");
            if (kv.length == 2 && kv[0].trim().equals("user-hour-rem")) {
                try {
                    return Integer.valueOf(kv[1].trim());
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private URI rebase(URI next) {
        String pathAndQuery = next.getRawPath() + (next.getRawQuery() == null ? "" : "?" + next.getRawQuery());
        return baseUrl.resolve(pathAndQuery);
    }

    private String token() {
        return tokens.get("team-key", k -> sign());
    }

    private String sign() {
        AppStoreKey key = secrets.read(secretId, AppStoreKey.class);
        Instant now = clock.instant();
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("kid", key.keyId());
        header.put("typ", "JWT");
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", key.issuerId());
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(TOKEN_LIFE).getEpochSecond());
        claims.put("aud", "appstoreconnect-v1");
        return JwtSigner.sign(JwtSigner.Algorithm.ES256, header, claims,
                JwtSigner.privateKey(key.privateKey(), JwtSigner.Algorithm.ES256));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
