package dev.hearken.review.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.review.poll.Page;
import dev.hearken.review.poll.PageItem;
import dev.hearken.review.poll.StoreClient;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Google Play {@code reviews.list} (googleplay.md §2), newest first, paginated with {@code token}. Auth (§1): a
 * service-account JWT (RS256) exchanged at the token endpoint for an access token, cached until a minute before
 * its {@code expires_in}; a 401 drops it.
 */
public final class GooglePlayClient implements StoreClient {

    /** The service-account key file fields used. */
    public record Credentials(String clientEmail, String privateKeyId, String privateKeyPem) {
    }

    static final String SCOPE = "https://www.googleapis.com/auth/androidpublisher";

    private final URI baseUrl;
    private final URI tokenUrl;
    private final int pageSize;
    private final Duration backoff;
    private final StoreHttp http;
    private final Duration timeout;
    private final Supplier<Credentials> credentials;
    private final ObjectMapper json;
    private final Clock clock;
    private String accessToken;
    private Instant tokenUntil = Instant.MIN;

    public GooglePlayClient(URI baseUrl, URI tokenUrl, int pageSize, Duration backoff, java.net.http.HttpClient http,
            Duration timeout, Supplier<Credentials> credentials, ObjectMapper json, Clock clock) {
        this.baseUrl = baseUrl;
        this.tokenUrl = tokenUrl;
        this.pageSize = pageSize;
        this.backoff = backoff;
        this.http = new StoreHttp(http, json, timeout);
        this.timeout = timeout;
        this.credentials = credentials;
        this.json = json;
        this.clock = clock;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Page page(String packageName, String position) {
        URI uri = baseUrl.resolve("/androidpublisher/v3/applications/" + encode(packageName) + "/reviews?maxResults="
                + pageSize + (position == null ? "" : "&token=" + encode(position)));
        StoreHttp.Response r = http.get(uri, accessToken());
        StoreHttp.rateLimit(r, backoff);
        if (r.status() == 401) {
            accessToken = null;
        }
        if (r.status() != 200 || r.body() == null) {
            throw new StoreApiException(uri.getHost(), r.status(), errorStatus(r.body()));
        }
        List<PageItem> items = new ArrayList<>();
        Object reviews = r.body().get("reviews");
        if (reviews instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> m) {
                    Map<String, Object> review = (Map<String, Object>) m;
                    items.add(new PageItem(lastModified(review), String.valueOf(review.get("reviewId")), review));
                }
            }
        }
        Object pagination = r.body().get("tokenPagination");
        Object next = pagination instanceof Map<?, ?> p ? p.get("nextPageToken") : null;
        return new Page(items, next == null || next.toString().isBlank() ? null : next.toString());
    }

    @SuppressWarnings("unchecked")
    private static Instant lastModified(Map<String, Object> review) {
        if (review.get("comments") instanceof List<?> comments) {
            for (Object c : comments) {
                if (c instanceof Map<?, ?> comment && comment.get("userComment") instanceof Map<?, ?> user
                        && user.get("lastModified") instanceof Map<?, ?> ts && ts.get("seconds") != null) {
                    Object nanos = ts.get("nanos");
                    return Instant.ofEpochSecond(Long.parseLong(ts.get("seconds").toString()),
                            nanos == null ? 0 : Long.parseLong(nanos.toString()));
                }
            }
        }
        throw new StoreApiException("androidpublisher", 200, "review " + review.get("reviewId") + " without userComment.lastModified");
    }

    private synchronized String accessToken() {
        Instant now = clock.instant();
        if (accessToken != null && now.isBefore(tokenUntil)) {
            return accessToken;
        }
        Credentials c = credentials.get();
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "RS256");
        header.put("typ", "JWT");
        if (c.privateKeyId() != null) {
            header.put("kid", c.privateKeyId());
        }
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", c.clientEmail());
        claims.put("scope", SCOPE);
        claims.put("aud", tokenUrl.toString());
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plusSeconds(3600).getEpochSecond());
        String assertion = Jwt.rs256(header, claims, c.privateKeyPem(), json);
        String form = "grant_type=" + encode("urn:ietf:params:oauth:grant-type:jwt-bearer") + "&assertion=" + assertion;
        StoreHttp.Response r = http.send(HttpRequest.newBuilder(tokenUrl).timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        if (r.status() != 200 || r.body() == null || r.body().get("access_token") == null) {
            throw new StoreApiException(tokenUrl.getHost(), r.status(),
                    r.body() == null ? null : String.valueOf(r.body().get("error")));
        }
        long expiresIn = r.body().get("expires_in") instanceof Number n ? n.longValue() : 3600;
        accessToken = r.body().get("access_token").toString();
        tokenUntil = now.plusSeconds(Math.max(0, expiresIn - 60));
        return accessToken;
    }

    @SuppressWarnings("unchecked")
    private static String errorStatus(Map<String, Object> body) {
        if (body != null && body.get("error") instanceof Map<?, ?> e) {
            return String.valueOf(((Map<String, Object>) e).get("status"));
        }
        return null;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
