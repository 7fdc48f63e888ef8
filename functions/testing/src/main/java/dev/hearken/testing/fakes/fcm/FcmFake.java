package dev.hearken.testing.fakes.fcm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearken.testing.fakes.FakeResponse;
import dev.hearken.testing.fakes.Fault;
import dev.hearken.testing.fakes.HttpFake;
import dev.hearken.testing.fakes.RecordedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Firebase Cloud Messaging HTTP v1 and Google's OAuth2 token endpoint, following
 * {@code shared/contracts/fcm.md} (§2 token flow, §3 request, §4 errors).
 *
 * <ul>
 *   <li>{@code POST /token}: the JWT-bearer grant. The assertion must be an RS256 JWT with {@code iss},
 *       a firebase.messaging or cloud-platform {@code scope}, {@code aud}, and {@code exp - iat ≤ 3600};
 *       the signature is not verified (the fake has no public key). Answers
 *       {@code {"access_token","expires_in":3599,"token_type":"Bearer"}} or 400 {@code invalid_grant}.</li>
 *   <li>{@code POST /v1/projects/{project}/messages:send}: needs a Bearer token this fake issued and that
 *       has not expired (else 401 {@code UNAUTHENTICATED} without FcmError details); validates one target,
 *       string data values, reserved data keys and the 4096-byte payload limit (400 {@code INVALID_ARGUMENT}).</li>
 * </ul>
 * Tokens by convention: {@code dead-…} → 404 {@code UNREGISTERED}; {@code invalid-…} → 400
 * {@code INVALID_ARGUMENT}; {@code mismatch-…} → 403 {@code SENDER_ID_MISMATCH}; anything else is delivered.
 * Error bodies are the Google RPC envelope of fcm.md §4, exactly. {@link #latency} delays every send
 * (for benchmarks); {@link #quotaExceeded} and {@link #unavailable} inject retryable errors.
 */
public final class FcmFake extends HttpFake {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SEND = Pattern.compile("/v1/projects/([^/]+)/messages:send");
    private static final String FCM_ERROR = "type.googleapis.com/google.firebase.fcm.v1.FcmError";
    /** Seconds an access token lives, as Google's endpoint answers. */
    public static final int TOKEN_LIFETIME = 3599;

    private final Map<String, Instant> accessTokens = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(1_736_340_000_000_000L);
    private volatile Duration latency = Duration.ZERO;

    @Override
    public String name() {
        return "fcm";
    }

    @Override
    public Map<String, String> functionEnvironment() {
        return Map.of("HEARKEN_PUSH_FCM_BASE_URL", baseUri().toString(),
                "HEARKEN_PUSH_FCM_TOKEN_URI", baseUri() + "/token");
    }

    /** Delays every {@code messages:send} by {@code latency} (like FCM's real round trip). */
    public FcmFake latency(Duration latency) {
        this.latency = latency;
        return this;
    }

    /** Forgets issued access tokens (the next send with an old token gets 401). */
    public void revokeTokens() {
        accessTokens.clear();
    }

    /** How many access tokens were issued. */
    public int tokensIssued() {
        return (int) recorded().stream().filter(r -> r.path().equals("/token") && r.status() == 200).count();
    }

    /** Successful sends so far. */
    public List<RecordedRequest> delivered() {
        return recorded().stream().filter(r -> r.path().endsWith("messages:send") && r.status() == 200).toList();
    }

    /** {@code times} sends answered 429 {@code QUOTA_EXCEEDED} with {@code Retry-After}. */
    public static Fault quotaExceeded(int times, int retryAfterSeconds) {
        return new Fault(r -> r.path().endsWith("messages:send"), times, Duration.ZERO,
                error(429, "RESOURCE_EXHAUSTED", "QUOTA_EXCEEDED", "Quota exceeded for quota metric 'Messages'.")
                        .withHeader("retry-after", Integer.toString(retryAfterSeconds)));
    }

    /** {@code times} sends answered 503 {@code UNAVAILABLE}. */
    public static Fault unavailable(int times) {
        return new Fault(r -> r.path().endsWith("messages:send"), times, Duration.ZERO,
                error(503, "UNAVAILABLE", "UNAVAILABLE", "The service is currently unavailable."));
    }

    @Override
    protected FakeResponse handle(RecordedRequest request) {
        if (!"POST".equals(request.method())) {
            return FakeResponse.json(404, "{\"error\":{\"code\":404,\"message\":\"Not Found\",\"status\":\"NOT_FOUND\"}}");
        }
        if (request.path().equals("/token")) {
            return token(request);
        }
        Matcher send = SEND.matcher(request.path());
        if (send.matches()) {
            sleep(latency);
            return send(send.group(1), request);
        }
        return FakeResponse.json(404, "{\"error\":{\"code\":404,\"message\":\"Not Found\",\"status\":\"NOT_FOUND\"}}");
    }

    private FakeResponse token(RecordedRequest request) {
        Map<String, String> form = new HashMap<>();
        for (String pair : request.body().split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        if (!"urn:ietf:params:oauth:grant-type:jwt-bearer".equals(form.get("grant_type"))) {
            return FakeResponse.json(400, "{\"error\":\"unsupported_grant_type\",\"error_description\":\"Invalid grant_type: "
                    + form.getOrDefault("grant_type", "") + "\"}");
        }
        String problem = assertionProblem(form.get("assertion"));
        if (problem != null) {
            return FakeResponse.json(400, JSON.createObjectNode().put("error", "invalid_grant")
                    .put("error_description", problem).toString());
        }
        String token = "ya29.c.fake-" + ids.incrementAndGet();
        accessTokens.put(token, Instant.now().plusSeconds(TOKEN_LIFETIME));
        return FakeResponse.json(200, JSON.createObjectNode().put("access_token", token)
                .put("expires_in", TOKEN_LIFETIME).put("token_type", "Bearer").toString());
    }

    private static String assertionProblem(String assertion) {
        if (assertion == null) {
            return "Missing required parameter: assertion";
        }
        String[] parts = assertion.split("\\.");
        if (parts.length != 3 || parts[2].isEmpty()) {
            return "Invalid JWT: Token must be a short-lived token and in a reasonable timeframe";
        }
        try {
            JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            if (!"RS256".equals(header.path("alg").asText())) {
                return "Invalid JWT Signature.";
            }
            String scope = claims.path("scope").asText("");
            if (claims.path("iss").asText("").isEmpty() || claims.path("aud").asText("").isEmpty()
                    || !(scope.contains("firebase.messaging") || scope.contains("cloud-platform"))) {
                return "Invalid JWT: missing iss, aud or scope";
            }
            long iat = claims.path("iat").asLong(0);
            long exp = claims.path("exp").asLong(0);
            long now = Instant.now().getEpochSecond();
            if (exp - iat > 3600 || exp < now || iat > now + 300) {
                return "Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe.";
            }
            return null;
        } catch (Exception e) {
            return "Invalid JWT: cannot parse";
        }
    }

    private FakeResponse send(String project, RecordedRequest request) {
        String auth = request.header("authorization");
        String token = auth != null && auth.startsWith("Bearer ") ? auth.substring(7) : null;
        Instant expires = token == null ? null : accessTokens.get(token);
        if (expires == null || expires.isBefore(Instant.now())) {
            return FakeResponse.json(401, "{\"error\":{\"code\":401,\"message\":\"Request had invalid authentication "
                    + "credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.\","
                    + "\"status\":\"UNAUTHENTICATED\"}}");
        }
        if (request.body().getBytes(StandardCharsets.UTF_8).length > 4096 + 64) {
            return invalid("Message is too big");
        }
        JsonNode message;
        try {
            message = JSON.readTree(request.body()).path("message");
        } catch (Exception e) {
            return invalid("Invalid JSON payload received.");
        }
        if (!message.isObject()) {
            return invalid("Invalid JSON payload received. Unknown name \"message\"");
        }
        int targets = (message.hasNonNull("token") ? 1 : 0) + (message.hasNonNull("topic") ? 1 : 0)
                + (message.hasNonNull("condition") ? 1 : 0);
        if (targets != 1) {
            return invalid("Exactly one of token, topic or condition must be specified.");
        }
        for (Iterator<Entry<String, JsonNode>> it = message.path("data").fields(); it.hasNext(); ) {
            Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            if (!e.getValue().isTextual()) {
                return invalid("Invalid value at 'message.data[0].value' (TYPE_STRING), " + e.getValue());
            }
            if (key.equals("from") || key.equals("message_type") || key.startsWith("google") || key.startsWith("gcm")) {
                return invalid("Invalid data payload key: " + key);
            }
        }
        JsonNode options = message.has("fcm_options") ? message.path("fcm_options") : message.path("fcmOptions");
        String label = options.has("analytics_label") ? options.path("analytics_label").asText()
                : options.path("analyticsLabel").asText(null);
        if (label != null && !label.matches("[a-zA-Z0-9\\-_.~%]{1,50}")) {
            return invalid("Invalid analytics_label");
        }
        String target = message.path("token").asText("");
        if (target.startsWith("dead-")) {
            return error(404, "NOT_FOUND", "UNREGISTERED", "Requested entity was not found.");
        }
        if (target.startsWith("invalid-")) {
            return invalid("The registration token is not a valid FCM registration token");
        }
        if (target.startsWith("mismatch-")) {
            return error(403, "PERMISSION_DENIED", "SENDER_ID_MISMATCH", "SenderId mismatch");
        }
        ObjectNode ok = JSON.createObjectNode();
        ok.put("name", "projects/" + project + "/messages/0:" + ids.incrementAndGet() + "%31bd1c9631bd1c96");
        return FakeResponse.json(200, ok.toString());
    }

    private static FakeResponse invalid(String message) {
        return error(400, "INVALID_ARGUMENT", "INVALID_ARGUMENT", message);
    }

    /** The Google RPC error envelope with an FcmError detail (fcm.md §4). */
    public static FakeResponse error(int code, String status, String errorCode, String message) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode error = root.putObject("error");
        error.put("code", code);
        error.put("message", message);
        error.put("status", status);
        error.putArray("details").addObject().put("@type", FCM_ERROR).put("errorCode", errorCode);
        return FakeResponse.json(code, root.toString());
    }

    private static void sleep(Duration d) {
        if (d.isZero()) {
            return;
        }
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
