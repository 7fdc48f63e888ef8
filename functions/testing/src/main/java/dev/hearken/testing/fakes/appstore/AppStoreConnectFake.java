package dev.hearken.testing.fakes.appstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearken.testing.RepositoryRoot;
import dev.hearken.testing.fakes.FakeResponse;
import dev.hearken.testing.fakes.HttpFake;
import dev.hearken.testing.fakes.RecordedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * App Store Connect's customer reviews ({@code shared/contracts/appstoreconnect.md} §1–§5): the listing
 * {@code GET /v1/apps/{id}/customerReviews}, newest first, {@code limit} per page (default 3, as the fixtures),
 * pagination through an opaque {@code cursor} in {@code links.next} and {@code meta.paging.nextCursor},
 * {@code include=response} adding the responses to {@code included}, an {@code X-Rate-Limit} header on every answer;
 * {@code GET /v1/customerReviews/{id}} and {@code POST /v1/customerReviewResponses} (create or replace the one
 * response, {@link #responseBody}) for auto-reply.
 *
 * <p>Auth: {@code Authorization: Bearer <JWT>} whose header has {@code alg=ES256} and a {@code kid}, and whose
 * claims have {@code aud=appstoreconnect-v1}, an {@code iss}, {@code exp > now} and {@code exp - iat <= 1200};
 * otherwise 401 {@code NOT_AUTHORIZED}. The signature itself is not verified (the fake has no public key).
 *
 * <p>Seeded with app {@code 1234567890}: the reviews of {@code events/review-ingest/fixtures/appstore-customer-reviews-page*.json}.
 * {@link #addNewest} scripts new reviews; 429s come from {@link HttpFake#inject}.
 */
public final class AppStoreConnectFake extends HttpFake {

    /** The app the fixtures belong to. */
    public static final String APP_ID = "1234567890";
    private static final String APPLE = "https://api.appstoreconnect.apple.com";
    private static final Pattern LIST = Pattern.compile("^/v1/apps/([^/]+)/customerReviews$");
    private static final Pattern ONE = Pattern.compile("^/v1/customerReviews/([^/]+)$");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, List<ObjectNode>> reviews = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> responses = new ConcurrentHashMap<>();
    private volatile int remaining = 3599;

    public AppStoreConnectFake() {
        seed();
    }

    @Override
    public String name() {
        return "appstore";
    }

    @Override
    public Map<String, String> functionEnvironment() {
        // review-ingest's poller and auto-reply's review desk (hearken.appstore.base-url).
        return Map.of("HEARKEN_REVIEW_APPSTORE_BASE_URL", baseUri().toString(),
                "HEARKEN_APPSTORE_BASE_URL", baseUri().toString());
    }

    /** The response text of a review, or {@code null} when it has none. */
    public synchronized String responseBody(String reviewId) {
        for (ObjectNode r : responses.values()) {
            if (reviewId.equals(r.path("relationships").path("review").path("data").path("id").asText())) {
                return r.path("attributes").path("responseBody").asText();
            }
        }
        return null;
    }

    /** The {@code user-hour-rem} the fake reports in {@code X-Rate-Limit} from now on (3599 by default). */
    public void remaining(int remaining) {
        this.remaining = remaining;
    }

    /** Back to the fixture reviews only (recordings and faults: {@link #reset()}). */
    public synchronized void reseed() {
        reviews.clear();
        responses.clear();
        remaining = 3599;
        seed();
    }

    /** Adds a review (a {@code customerReviews} resource) as the newest of {@code appId}. */
    public synchronized void addNewest(String appId, Map<String, Object> resource) {
        reviews.computeIfAbsent(appId, a -> new ArrayList<>()).add(0, JSON.valueToTree(resource));
    }

    @Override
    protected synchronized FakeResponse handle(RecordedRequest request) {
        String authError = authError(request.header("authorization"));
        if (authError != null) {
            return error(401, "NOT_AUTHORIZED", "Authentication credentials are missing or invalid.", authError);
        }
        if ("POST".equals(request.method()) && "/v1/customerReviewResponses".equals(request.path())) {
            return respond(request.body());
        }
        Matcher one = ONE.matcher(request.path());
        if ("GET".equals(request.method()) && one.matches()) {
            ObjectNode review = find(one.group(1));
            if (review == null) {
                return error(404, "NOT_FOUND", "The specified resource does not exist",
                        "There is no resource of type 'customerReviews' with id '" + one.group(1) + "'");
            }
            ObjectNode doc = JSON.createObjectNode();
            doc.set("data", review);
            JsonNode response = review.path("relationships").path("response").path("data");
            if ("response".equals(query(request.query()).get("include")) && responses.containsKey(response.path("id").asText())) {
                doc.putArray("included").add(responses.get(response.path("id").asText()));
            }
            doc.putObject("links").put("self", baseUri() + request.path());
            return FakeResponse.json(200, doc.toString()).withHeader("x-rate-limit", "user-hour-lim:3600;user-hour-rem:3599;");
        }
        Matcher m = LIST.matcher(request.path());
        if (!"GET".equals(request.method()) || !m.matches()) {
            return error(404, "NOT_FOUND", "The specified resource does not exist", "no route " + request.path());
        }
        String appId = m.group(1);
        List<ObjectNode> all = reviews.get(appId);
        if (all == null) {
            return error(404, "NOT_FOUND", "The specified resource does not exist",
                    "There is no resource of type 'apps' with id '" + appId + "'");
        }
        Map<String, String> query = query(request.query());
        int limit;
        int offset;
        try {
            limit = Integer.parseInt(query.getOrDefault("limit", "3"));
            offset = query.containsKey("cursor") ? decodeCursor(query.get("cursor")) : 0;
        } catch (IllegalArgumentException e) {
            return error(400, "PARAMETER_ERROR.INVALID", "A parameter has an invalid value", e.getMessage());
        }
        if (limit < 1 || limit > 200) {
            return error(400, "PARAMETER_ERROR.INVALID", "A parameter has an invalid value", "limit must be 1..200");
        }
        ObjectNode page = JSON.createObjectNode();
        ArrayNode data = page.putArray("data");
        ArrayNode included = JSON.createArrayNode();
        for (int i = offset; i < Math.min(all.size(), offset + limit); i++) {
            ObjectNode review = all.get(i);
            data.add(review);
            JsonNode response = review.path("relationships").path("response").path("data");
            if ("response".equals(query.get("include")) && response.has("id") && responses.containsKey(response.get("id").asText())) {
                included.add(responses.get(response.get("id").asText()));
            }
        }
        if (!included.isEmpty()) {
            page.set("included", included);
        }
        String self = baseUri() + request.path() + (request.query() == null ? "" : "?" + request.query());
        ObjectNode links = page.putObject("links");
        links.put("self", self);
        ObjectNode paging = page.putObject("meta").putObject("paging");
        paging.put("total", all.size());
        paging.put("limit", limit);
        if (offset + limit < all.size()) {
            String cursor = encodeCursor(offset + limit);
            links.put("next", baseUri() + request.path() + "?cursor=" + cursor
                    + (request.query() == null ? "" : "&" + request.query().replaceAll("(^|&)cursor=[^&]*", "")
                            .replaceFirst("^&", "")));
            paging.put("nextCursor", cursor);
        }
        return FakeResponse.json(200, page.toString()).withHeader("x-rate-limit", "user-hour-lim:3600;user-hour-rem:" + remaining + ";");
    }

    /**
     * {@code POST /v1/customerReviewResponses} (§5): creates or replaces the review's single response, state
     * {@code PENDING_PUBLISH}, 201; a missing required field is 422, an unknown review 404 (which of 404/409 Apple
     * answers is unverified).
     */
    private FakeResponse respond(String body) {
        JsonNode data;
        try {
            data = JSON.readTree(body).path("data");
        } catch (IOException e) {
            return error(400, "PARAMETER_ERROR.INVALID", "The request body is not valid JSON", e.getClass().getSimpleName());
        }
        String text = data.path("attributes").path("responseBody").asText("");
        JsonNode reviewRef = data.path("relationships").path("review").path("data");
        if (!"customerReviewResponses".equals(data.path("type").asText()) || text.isBlank()
                || !"customerReviews".equals(reviewRef.path("type").asText()) || reviewRef.path("id").asText().isEmpty()) {
            return error(422, "ENTITY_ERROR.ATTRIBUTE.REQUIRED", "A required attribute is missing",
                    "data.type, data.attributes.responseBody and data.relationships.review.data are required");
        }
        ObjectNode review = find(reviewRef.path("id").asText());
        if (review == null) {
            return error(404, "NOT_FOUND", "The specified resource does not exist",
                    "There is no resource of type 'customerReviews' with id '" + reviewRef.path("id").asText() + "'");
        }
        JsonNode existing = review.path("relationships").path("response").path("data");
        String id = existing.has("id") ? existing.get("id").asText() : java.util.UUID.randomUUID().toString();
        ObjectNode response = JSON.createObjectNode();
        response.put("type", "customerReviewResponses");
        response.put("id", id);
        ObjectNode attributes = response.putObject("attributes");
        attributes.put("responseBody", text);
        attributes.put("lastModifiedDate", Instant.now().toString());
        attributes.put("state", "PENDING_PUBLISH");
        response.putObject("relationships").putObject("review").set("data", reviewRef);
        response.putObject("links").put("self", baseUri() + "/v1/customerReviewResponses/" + id);
        responses.put(id, response);
        ObjectNode relationship = ((ObjectNode) review.with("relationships")).with("response");
        relationship.putObject("data").put("type", "customerReviewResponses").put("id", id);
        ObjectNode doc = JSON.createObjectNode();
        doc.set("data", response);
        doc.putObject("links").put("self", baseUri() + "/v1/customerReviewResponses");
        return FakeResponse.json(201, doc.toString());
    }

    private ObjectNode find(String reviewId) {
        for (List<ObjectNode> list : reviews.values()) {
            for (ObjectNode r : list) {
                if (reviewId.equals(r.path("id").asText())) {
                    return r;
                }
            }
        }
        return null;
    }

    /** Why the bearer token is refused, or {@code null} when it is acceptable. */
    static String authError(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return "no bearer token";
        }
        String[] parts = authorization.substring(7).split("\\.");
        if (parts.length != 3 || parts[2].isEmpty()) {
            return "not a signed JWT";
        }
        try {
            JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            if (!"ES256".equals(header.path("alg").asText()) || header.path("kid").asText().isEmpty()) {
                return "header must have alg ES256 and a kid";
            }
            if (!"appstoreconnect-v1".equals(claims.path("aud").asText()) || claims.path("iss").asText().isEmpty()) {
                return "claims must have aud appstoreconnect-v1 and an iss";
            }
            long iat = claims.path("iat").asLong();
            long exp = claims.path("exp").asLong();
            if (exp <= Instant.now().getEpochSecond() || exp - iat > 1200) {
                return "token expired or living longer than 20 minutes";
            }
            return null;
        } catch (IOException | IllegalArgumentException e) {
            return "undecodable JWT";
        }
    }

    private void seed() {
        List<ObjectNode> all = new ArrayList<>();
        for (String page : List.of("appstore-customer-reviews-page1", "appstore-customer-reviews-page2")) {
            try {
                String text = java.nio.file.Files.readString(RepositoryRoot.get()
                        .resolve("events/review-ingest/fixtures/" + page + ".json"), StandardCharsets.UTF_8)
                        .replace(APPLE, baseUri().toString());
                JsonNode doc = JSON.readTree(text);
                doc.path("data").forEach(r -> all.add((ObjectNode) r));
                doc.path("included").forEach(r -> responses.put(r.path("id").asText(), (ObjectNode) r));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the App Store fixture " + page, e);
            }
        }
        reviews.put(APP_ID, all);
    }

    private static FakeResponse error(int status, String code, String title, String detail) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode e = body.putArray("errors").addObject();
        e.put("id", java.util.UUID.randomUUID().toString());
        e.put("status", Integer.toString(status));
        e.put("code", code);
        e.put("title", title);
        e.put("detail", detail);
        return FakeResponse.json(status, body.toString());
    }

    private static String encodeCursor(int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("o" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int decodeCursor(String cursor) {
        String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        if (!text.startsWith("o")) {
            throw new IllegalArgumentException("unknown cursor");
        }
        return Integer.parseInt(text.substring(1));
    }

    static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(k, v);
        }
        return out;
    }
}
