package dev.hearken.integrations.googleplay;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.integrations.auth.GoogleAccessTokens;
import dev.hearken.integrations.googleplay.GooglePlayResources.ErrorResponse;
import dev.hearken.integrations.googleplay.GooglePlayResources.ReplyRequest;
import dev.hearken.integrations.googleplay.GooglePlayResources.ReplyResponse;
import dev.hearken.integrations.googleplay.GooglePlayResources.Review;
import dev.hearken.integrations.googleplay.GooglePlayResources.ReviewsListResponse;
import dev.hearken.integrations.googleplay.GooglePlayResources.ReviewsPage;
import dev.hearken.integrations.http.JsonHttp;
import dev.hearken.integration.ServiceException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * The one Google Play Developer API client for reviews (googleplay.md §2): {@code reviews.list} newest first,
 * {@code reviews.get} and {@code reviews.reply}, authorised with a service-account access token
 * ({@link GoogleAccessTokens}, androidpublisher scope) that a 401 drops. Errors map to the kernel model: 429 →
 * rate limited after Retry-After or {@code defaultRetry}, 404 → not found, 409 → conflict, anything else →
 * {@link ServiceException} with the Google RPC {@code error.status}.
 */
public final class GooglePlayClient {

    /** The service name in errors. */
    public static final String SERVICE = "google-play";
    private static final String SCOPE = GoogleAccessTokens.ANDROID_PUBLISHER;

    private final URI baseUrl;
    private final JsonHttp http;
    private final ObjectMapper json;
    private final GoogleAccessTokens tokens;
    private final Duration defaultRetry;

    /** @param defaultRetry the wait after a 429 without Retry-After */
    public GooglePlayClient(URI baseUrl, HttpClient http, ObjectMapper json, Duration timeout, GoogleAccessTokens tokens,
            Duration defaultRetry) {
        this.baseUrl = baseUrl;
        this.http = new JsonHttp(SERVICE, http, json, timeout);
        this.json = json;
        this.tokens = tokens;
        this.defaultRetry = defaultRetry;
    }

    /** {@code reviews.list}: one page of {@code maxResults}, the first when {@code pageToken} is {@code null}. */
    public ReviewsPage reviews(String packageName, int maxResults, String pageToken) {
        JsonHttp.Reply reply = get(reviewsPath(packageName) + "?maxResults=" + maxResults
                + (pageToken == null ? "" : "&token=" + encode(pageToken)), "reviews of " + packageName);
        ReviewsListResponse body = http.read(reply, ReviewsListResponse.class);
        if (body == null) {
            throw new ServiceException(SERVICE, reply.status(), "malformed JSON response");
        }
        List<Review> reviews = body.reviews() == null ? List.of() : body.reviews();
        String next = body.tokenPagination() == null ? null : body.tokenPagination().nextPageToken();
        return new ReviewsPage(reviews, next == null || next.isBlank() ? null : next);
    }

    /** {@code reviews.get}. */
    public Review review(String packageName, String reviewId) {
        return http.read(get(reviewsPath(packageName) + "/" + encode(reviewId), "review " + reviewId), Review.class);
    }

    /** {@code reviews.reply}: creates or replaces the single developer reply. */
    public ReplyResponse reply(String packageName, String reviewId, String text) {
        HttpRequest request = http.request(baseUrl.resolve(reviewsPath(packageName) + "/" + encode(reviewId) + ":reply"))
                .header("Authorization", "Bearer " + tokens.token(SCOPE))
                .header("Content-Type", "application/json")
                .POST(http.body(new ReplyRequest(text))).build();
        return http.read(checked(http.send(request), "review " + reviewId), ReplyResponse.class);
    }

    private JsonHttp.Reply get(String pathAndQuery, String object) {
        HttpRequest request = http.request(baseUrl.resolve(pathAndQuery))
                .header("Authorization", "Bearer " + tokens.token(SCOPE)).GET().build();
        return checked(http.send(request), object);
    }

    private JsonHttp.Reply checked(JsonHttp.Reply reply, String object) {
        if (reply.status() == 401) {
            tokens.invalidate(SCOPE);
        }
        return http.check(reply, object, defaultRetry, reply.ok() ? null : errorStatus(reply));
    }

    private String errorStatus(JsonHttp.Reply reply) {
        try {
            ErrorResponse error = json.readValue(reply.body(), ErrorResponse.class);
            return error == null || error.error() == null ? null : error.error().status();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String reviewsPath(String packageName) {
        return "/androidpublisher/v3/applications/" + encode(packageName) + "/reviews";
    }

    /** A path segment or query value; review ids look like {@code gp:AOqp…}, and a colon is legal in a segment. */
    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("%3A", ":");
    }
}
