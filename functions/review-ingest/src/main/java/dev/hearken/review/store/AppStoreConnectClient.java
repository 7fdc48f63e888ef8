package dev.hearken.review.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.review.poll.Page;
import dev.hearken.review.poll.PageItem;
import dev.hearken.review.poll.StoreClient;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * App Store Connect {@code GET /v1/apps/{id}/customerReviews} (appstoreconnect.md §4), newest first, following
 * {@code links.next} verbatim — but only on the configured host: the path and query are re-based onto
 * {@code baseUrl}, so the team key's token never goes anywhere else.
 *
 * <p>Auth (§1): an ES256 JWT ({@code kid}, {@code iss}, {@code aud=appstoreconnect-v1}) valid for 19 minutes —
 * Apple rejects tokens living longer than 20 — reused until 4 minutes before it expires.
 */
public final class AppStoreConnectClient implements StoreClient {

    /** What the team key secret holds. */
    public record Credentials(String issuerId, String keyId, String privateKeyPem) {
    }

    static final Duration TOKEN_LIFE = Duration.ofMinutes(19);
    static final Duration TOKEN_REUSE = Duration.ofMinutes(15);

    private final URI baseUrl;
    private final int pageSize;
    private final Duration backoff;
    private final int minRemaining;
    private final StoreHttp http;
    private final Supplier<Credentials> credentials;
    private final ObjectMapper json;
    private final Clock clock;
    private String token;
    private Instant tokenUntil = Instant.MIN;

    /**
     * @param backoff      wait after a 429 (Apple sends no Retry-After) or when the hourly quota is nearly spent
     * @param minRemaining stop paging (and wait {@code backoff}) when {@code user-hour-rem} falls below this
     */
    public AppStoreConnectClient(URI baseUrl, int pageSize, Duration backoff, int minRemaining,
            java.net.http.HttpClient http, Duration timeout, Supplier<Credentials> credentials, ObjectMapper json,
            Clock clock) {
        this.baseUrl = baseUrl;
        this.pageSize = pageSize;
        this.backoff = backoff;
        this.minRemaining = minRemaining;
        this.http = new StoreHttp(http, json, timeout);
        this.credentials = credentials;
        this.json = json;
        this.clock = clock;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Page page(String appId, String position) {
        URI uri = position == null
                ? baseUrl.resolve("/v1/apps/" + appId + "/customerReviews?sort=-createdDate&limit=" + pageSize + "&include=response")
                : rebase(URI.create(position));
        StoreHttp.Response r = http.get(uri, token());
        StoreHttp.rateLimit(r, backoff);
        if (r.status() == 401) {
            token = null; // maybe revoked or clock skew: sign a new one next time
        }
        if (r.status() != 200 || r.body() == null) {
            throw new StoreApiException(uri.getHost(), r.status(), errorCode(r.body()));
        }
        List<PageItem> items = new ArrayList<>();
        Object data = r.body().get("data");
        if (!(data instanceof List<?> list)) {
            throw new StoreApiException(uri.getHost(), r.status(), "response has no data array");
        }
        for (Object o : list) {
            if (o instanceof Map<?, ?> m) {
                Map<String, Object> review = (Map<String, Object>) m;
                Object attributes = review.get("attributes");
                Object created = attributes instanceof Map<?, ?> a ? a.get("createdDate") : null;
                if (review.get("id") == null || created == null) {
                    throw new StoreApiException(uri.getHost(), r.status(), "review without id or createdDate");
                }
                items.add(new PageItem(OffsetDateTime.parse(created.toString()).toInstant(), review.get("id").toString(), review));
            }
        }
        Object links = r.body().get("links");
        Object next = links instanceof Map<?, ?> l ? l.get("next") : null;
        Integer remaining = remaining(r.raw().headers().firstValue("x-rate-limit").orElse(null));
        return new Page(items, next == null ? null : next.toString(),
                remaining != null && remaining < minRemaining ? backoff : null);
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

    private synchronized String token() {
        Instant now = clock.instant();
        if (token == null || !now.isBefore(tokenUntil)) {
            Credentials c = credentials.get();
            Map<String, Object> header = new LinkedHashMap<>();
            header.put("alg", "ES256");
            header.put("kid", c.keyId());
            header.put("typ", "JWT");
            Map<String, Object> claims = new LinkedHashMap<>();
            claims.put("iss", c.issuerId());
            claims.put("iat", now.getEpochSecond());
            claims.put("exp", now.plus(TOKEN_LIFE).getEpochSecond());
            claims.put("aud", "appstoreconnect-v1");
            token = Jwt.es256(header, claims, c.privateKeyPem(), json);
            tokenUntil = now.plus(TOKEN_REUSE);
        }
        return token;
    }

    @SuppressWarnings("unchecked")
    private static String errorCode(Map<String, Object> body) {
        if (body != null && body.get("errors") instanceof List<?> errors && !errors.isEmpty()
                && errors.get(0) instanceof Map<?, ?> e) {
            return String.valueOf(((Map<String, Object>) e).get("code"));
        }
        return null;
    }
}
