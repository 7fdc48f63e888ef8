package dev.hearken.testing.fakes.googleplay;

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
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Google Play's {@code reviews.list} and the OAuth 2.0 token endpoint ({@code shared/contracts/googleplay.md} §1–§3,
 * §5): {@code POST /token} exchanges a service-account JWT ({@code alg=RS256}, {@code iss}, the androidpublisher
 * {@code scope}, {@code aud} = this token URL, {@code exp - iat <= 3600}) for an access token, 400
 * {@code invalid_grant} otherwise (the signature is not verified); {@code GET
 * /androidpublisher/v3/applications/{package}/reviews} wants one of the issued tokens (401 {@code UNAUTHENTICATED}
 * otherwise), newest first, {@code maxResults} per page (default 3, as the fixtures), page tokens
 * {@code gp-page-<n>-token}; unknown packages are 404. For auto-reply: {@code reviews.get} and
 * {@code reviews.reply} (creates or replaces the developer reply; over 350 characters is 400, {@link #replyText}).
 *
 * <p>Seeded with {@code com.example.lumen}: the reviews of {@code events/review-ingest/fixtures/googleplay-reviews-page*.json}.
 * {@link #addNewest} scripts new or edited reviews; 429s come from {@link HttpFake#inject}.
 */
public final class GooglePlayFake extends HttpFake {

    /** The package the fixtures belong to. */
    public static final String PACKAGE = "com.example.lumen";
    private static final String SCOPE = "https://www.googleapis.com/auth/androidpublisher";
    private static final Pattern LIST = Pattern.compile("^/androidpublisher/v3/applications/([^/]+)/reviews$");
    private static final Pattern ONE = Pattern.compile("^/androidpublisher/v3/applications/([^/]+)/reviews/([^/]+?)(:reply)?$");
    /** Replies longer than this are rejected (googleplay.md §2: "more than 350 characters"). */
    public static final int MAX_REPLY = 350;
    private static final Pattern PAGE_TOKEN = Pattern.compile("^gp-page-(\\d+)-token$");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, List<ObjectNode>> reviews = new ConcurrentHashMap<>();
    private final Set<String> tokens = ConcurrentHashMap.newKeySet();
    private final AtomicInteger issued = new AtomicInteger();

    public GooglePlayFake() {
        seed();
    }

    @Override
    public String name() {
        return "googleplay";
    }

    @Override
    public Map<String, String> functionEnvironment() {
        // review-ingest's poller, and auto-reply's review desk (hearken.googleplay.base-url / oauth-base-url).
        return Map.of("HEARKEN_REVIEW_GOOGLEPLAY_BASE_URL", baseUri().toString(),
                "HEARKEN_REVIEW_GOOGLEPLAY_TOKEN_URL", tokenUrl(),
                "HEARKEN_GOOGLEPLAY_BASE_URL", baseUri().toString(),
                "HEARKEN_GOOGLEPLAY_OAUTH_BASE_URL", baseUri().toString());
    }

    /** The developer reply of a review, or {@code null}. */
    public synchronized String replyText(String packageName, String reviewId) {
        ObjectNode review = find(packageName, reviewId);
        if (review == null) {
            return null;
        }
        for (JsonNode c : review.path("comments")) {
            if (c.has("developerComment")) {
                return c.path("developerComment").path("text").asText();
            }
        }
        return null;
    }

    /** The token endpoint, also the audience the assertion must name. */
    public String tokenUrl() {
        return baseUri() + "/token";
    }

    /** How many access tokens were issued. */
    public int tokensIssued() {
        return issued.get();
    }

    /** Back to the fixture reviews only; issued tokens stay valid. */
    public synchronized void reseed() {
        reviews.clear();
        seed();
    }

    /** Adds a review as the newest of {@code packageName}, replacing one with the same id (an edit moves it up). */
    public synchronized void addNewest(String packageName, Map<String, Object> review) {
        List<ObjectNode> list = reviews.computeIfAbsent(packageName, p -> new ArrayList<>());
        ObjectNode node = JSON.valueToTree(review);
        list.removeIf(r -> r.path("reviewId").asText().equals(node.path("reviewId").asText()));
        list.add(0, node);
    }

    @Override
    protected synchronized FakeResponse handle(RecordedRequest request) {
        if ("POST".equals(request.method()) && "/token".equals(request.path())) {
            return token(request);
        }
        String auth = request.header("authorization");
        if (auth == null || !auth.startsWith("Bearer ") || !tokens.contains(auth.substring(7))) {
            return error(401, "Request had invalid authentication credentials.", "UNAUTHENTICATED");
        }
        Matcher one = ONE.matcher(request.path());
        if (one.matches()) {
            return single(request, URLDecoder.decode(one.group(1), StandardCharsets.UTF_8),
                    URLDecoder.decode(one.group(2), StandardCharsets.UTF_8), one.group(3) != null);
        }
        Matcher m = LIST.matcher(request.path());
        if (!"GET".equals(request.method()) || !m.matches()) {
            return error(404, "Requested entity was not found.", "NOT_FOUND");
        }
        List<ObjectNode> all = reviews.get(URLDecoder.decode(m.group(1), StandardCharsets.UTF_8));
        if (all == null) {
            return error(404, "No application was found for the given package name.", "NOT_FOUND");
        }
        Map<String, String> query = query(request.query());
        int size;
        int pageNumber = 1;
        try {
            size = Integer.parseInt(query.getOrDefault("maxResults", "3"));
            if (query.containsKey("token")) {
                Matcher t = PAGE_TOKEN.matcher(query.get("token"));
                if (!t.matches()) {
                    return error(400, "Invalid pagination token.", "INVALID_ARGUMENT");
                }
                pageNumber = Integer.parseInt(t.group(1));
            }
        } catch (NumberFormatException e) {
            return error(400, "Invalid value for maxResults.", "INVALID_ARGUMENT");
        }
        int offset = (pageNumber - 1) * size;
        ObjectNode page = JSON.createObjectNode();
        ArrayNode list = page.putArray("reviews");
        for (int i = offset; i < Math.min(all.size(), offset + size); i++) {
            list.add(all.get(i));
        }
        ObjectNode pagination = page.putObject("tokenPagination");
        if (offset + size < all.size()) {
            pagination.put("nextPageToken", "gp-page-" + (pageNumber + 1) + "-token");
        }
        if (pageNumber > 1) {
            pagination.put("previousPageToken", "gp-page-" + (pageNumber - 1) + "-token");
        }
        return FakeResponse.json(200, page.toString());
    }

    /** {@code reviews.get} and {@code reviews.reply} (creates or updates the single developer reply). */
    private FakeResponse single(RecordedRequest request, String packageName, String reviewId, boolean reply) {
        ObjectNode review = find(packageName, reviewId);
        if (review == null) {
            return error(404, "Review not found.", "NOT_FOUND");
        }
        if (!reply && "GET".equals(request.method())) {
            return FakeResponse.json(200, review.toString());
        }
        if (!reply || !"POST".equals(request.method())) {
            return error(404, "Requested entity was not found.", "NOT_FOUND");
        }
        String text;
        try {
            text = JSON.readTree(request.body()).path("replyText").asText("");
        } catch (IOException e) {
            return error(400, "Invalid JSON payload received.", "INVALID_ARGUMENT");
        }
        if (text.isBlank() || text.length() > MAX_REPLY) {
            return error(400, "The reply text is empty or longer than " + MAX_REPLY + " characters.", "INVALID_ARGUMENT");
        }
        ArrayNode comments = (ArrayNode) review.withArray("comments");
        for (int i = comments.size() - 1; i >= 0; i--) {
            if (comments.get(i).has("developerComment")) {
                comments.remove(i);
            }
        }
        long now = Instant.now().getEpochSecond();
        ObjectNode developer = comments.addObject().putObject("developerComment");
        developer.put("text", text);
        developer.putObject("lastModified").put("seconds", Long.toString(now)).put("nanos", 0);
        ObjectNode result = JSON.createObjectNode();
        ObjectNode r = result.putObject("result");
        r.put("replyText", text);
        r.putObject("lastEdited").put("seconds", Long.toString(now)).put("nanos", 0);
        return FakeResponse.json(200, result.toString());
    }

    private ObjectNode find(String packageName, String reviewId) {
        List<ObjectNode> list = reviews.get(packageName);
        if (list == null) {
            return null;
        }
        return list.stream().filter(r -> reviewId.equals(r.path("reviewId").asText())).findFirst().orElse(null);
    }

    private FakeResponse token(RecordedRequest request) {
        Map<String, String> form = query(request.body());
        if (!"urn:ietf:params:oauth:grant-type:jwt-bearer".equals(form.get("grant_type")) || form.get("assertion") == null) {
            return grantError("unsupported_grant_type", "Invalid grant_type.");
        }
        String[] parts = form.get("assertion").split("\\.");
        if (parts.length != 3 || parts[2].isEmpty()) {
            return grantError("invalid_grant", "Invalid JWT Signature.");
        }
        try {
            JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            long iat = claims.path("iat").asLong();
            long exp = claims.path("exp").asLong();
            if (!"RS256".equals(header.path("alg").asText()) || claims.path("iss").asText().isEmpty()
                    || !claims.path("scope").asText().contains(SCOPE) || !tokenUrl().equals(claims.path("aud").asText())
                    || exp <= Instant.now().getEpochSecond() || exp - iat > 3600) {
                return grantError("invalid_grant", "Invalid JWT: check alg, iss, scope, aud and expiry.");
            }
        } catch (IOException | IllegalArgumentException e) {
            return grantError("invalid_grant", "Invalid JWT Signature.");
        }
        String token = "ya29.hearken-fake-" + issued.incrementAndGet();
        tokens.add(token);
        return FakeResponse.json(200, "{\"access_token\":\"" + token + "\",\"expires_in\":3599,\"token_type\":\"Bearer\"}");
    }

    private void seed() {
        List<ObjectNode> all = new ArrayList<>();
        for (String page : List.of("googleplay-reviews-page1", "googleplay-reviews-page2")) {
            try {
                JsonNode doc = JSON.readTree(Files.readString(RepositoryRoot.get()
                        .resolve("events/review-ingest/fixtures/" + page + ".json"), StandardCharsets.UTF_8));
                doc.path("reviews").forEach(r -> all.add((ObjectNode) r));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the Google Play fixture " + page, e);
            }
        }
        reviews.put(PACKAGE, all);
    }

    private static FakeResponse error(int code, String message, String status) {
        return FakeResponse.json(code, "{\"error\":{\"code\":" + code + ",\"message\":\"" + message + "\",\"status\":\""
                + status + "\"}}");
    }

    private static FakeResponse grantError(String error, String description) {
        return FakeResponse.json(400, "{\"error\":\"" + error + "\",\"error_description\":\"" + description + "\"}");
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }
}
