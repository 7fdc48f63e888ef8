package dev.hearken.testing.fakes.apns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.testing.fakes.FakeResponse;
import dev.hearken.testing.fakes.Fault;
import dev.hearken.testing.fakes.HttpFake;
import dev.hearken.testing.fakes.LoopbackCertificate;
import dev.hearken.testing.fakes.RecordedRequest;
import dev.hearken.testing.fakes.TlsHttp2Server;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.net.ssl.SSLContext;

/**
 * The APNs provider API ({@code shared/contracts/apns.md}): {@code POST /3/device/{token}} with token
 * auth, answering 200 with an {@code apns-id} header (and {@code apns-unique-id}, as the development
 * environment does) or the documented status with {@code {"reason": …}} — 410 adds {@code timestamp}.
 *
 * <p>Checks, in APNs' order: method (405 {@code MethodNotAllowed}), path (404 {@code BadPath}),
 * provider token (403 {@code MissingProviderToken}, {@code InvalidProviderToken} for a non-ES256 JWT
 * or one without {@code kid}/{@code iss}/{@code iat}, {@code ExpiredProviderToken} when {@code iat} is
 * more than an hour old), {@code apns-topic} (400 {@code MissingTopic}), {@code apns-push-type}
 * (400 {@code InvalidPushType}), {@code apns-priority} (400 {@code BadPriority}), {@code apns-collapse-id}
 * over 64 bytes (400 {@code BadCollapseId}), the token (400 {@code BadDeviceToken} unless 64 hex digits),
 * the payload (400 {@code PayloadEmpty}, 413 {@code PayloadTooLarge} over 4096 bytes). The JWT signature
 * is not verified (no public key), and the "too many token updates" rule, which Apple applies per
 * connection, is not modelled.
 *
 * <p>Tokens by convention (64 hex digits): starting {@code dead} → 410 {@code Unregistered};
 * starting {@code bad0} → 400 {@code BadDeviceToken}; anything else is delivered.
 *
 * <p>Transport, as Apple's: HTTP/2 over TLS ({@link TlsHttp2Server}: ALPN offers {@code h2} only) on
 * {@code https://127.0.0.1:<port>}, with a self-signed {@link LoopbackCertificate} that clients trust
 * through {@link #trustCertificates()} (a function: {@code HEARKEN_PUSH_APNS_TRUST_CERTIFICATES}, set by
 * {@link #functionEnvironment()}) or {@link #clientSslContext()}. Every request is recorded with its
 * {@link RecordedRequest#protocol()}. A request that is not HTTP/2 is answered 505 with reason
 * {@code HttpVersionNotSupported} before any other check — Apple documents HTTP/2 as required but no
 * answer to HTTP/1.1, so status and reason are the fake's own: a client that falls back to HTTP/1.1
 * fails loudly instead of passing.
 */
public final class ApnsFake extends HttpFake {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> PUSH_TYPES = Set.of("alert", "background", "location", "voip", "complication",
            "fileprovider", "mdm", "liveactivity", "pushtotalk");

    private volatile Duration latency = Duration.ZERO;

    /** Starts the fake on a free loopback port (HTTP/2 over TLS). */
    public ApnsFake() {
        super(TlsHttp2Server::start);
    }

    @Override
    public String name() {
        return "apns";
    }

    /** The base URL ({@code https}) and the certificate the function must trust to reach it. */
    @Override
    public Map<String, String> functionEnvironment() {
        return Map.of("HEARKEN_PUSH_APNS_BASE_URL", baseUri().toString(),
                "HEARKEN_PUSH_APNS_TRUST_CERTIFICATES", trustCertificates().toString());
    }

    /** PEM file with the fake's certificate, for a client's trust configuration. */
    public Path trustCertificates() {
        return LoopbackCertificate.shared().pemFile();
    }

    /** A client TLS context that trusts this fake (and nothing else), for tests' own clients. */
    public SSLContext clientSslContext() {
        return LoopbackCertificate.shared().sslContext();
    }

    /** Delays every notification request by {@code latency}. */
    public ApnsFake latency(Duration latency) {
        this.latency = latency;
        return this;
    }

    /** Successful sends so far. */
    public List<RecordedRequest> delivered() {
        return recorded().stream().filter(r -> r.status() == 200).toList();
    }

    /** {@code times} requests answered 429 {@code TooManyRequests} (APNs documents no Retry-After), with an {@code apns-id}. */
    public static Fault tooManyRequests(int times) {
        return new Fault(r -> r.path().startsWith("/3/device/"), times, Duration.ZERO,
                reason(429, "TooManyRequests", null).withHeader("apns-id", UUID.randomUUID().toString()));
    }

    @Override
    protected FakeResponse handle(RecordedRequest request) {
        if (latency.compareTo(Duration.ZERO) > 0) {
            try {
                Thread.sleep(latency.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        String apnsId = request.header("apns-id") != null ? request.header("apns-id") : UUID.randomUUID().toString();
        FakeResponse response = answer(request);
        response = response.withHeader("apns-id", apnsId);
        return response.status() == 200 ? response.withHeader("apns-unique-id", UUID.randomUUID().toString()) : response;
    }

    private FakeResponse answer(RecordedRequest request) {
        if (!RecordedRequest.HTTP_2.equals(request.protocol())) {
            return reason(505, "HttpVersionNotSupported", null);
        }
        if (!"POST".equals(request.method())) {
            return reason(405, "MethodNotAllowed", null);
        }
        if (!request.path().startsWith("/3/device/")) {
            return reason(404, "BadPath", null);
        }
        String tokenProblem = providerTokenProblem(request.header("authorization"));
        if (tokenProblem != null) {
            return reason(403, tokenProblem, null);
        }
        if (request.header("apns-topic") == null) {
            return reason(400, "MissingTopic", null);
        }
        String pushType = request.header("apns-push-type");
        if (pushType != null && !PUSH_TYPES.contains(pushType)) {
            return reason(400, "InvalidPushType", null);
        }
        String priority = request.header("apns-priority");
        if (priority != null && !Set.of("1", "5", "10").contains(priority)) {
            return reason(400, "BadPriority", null);
        }
        String collapse = request.header("apns-collapse-id");
        if (collapse != null && collapse.getBytes(StandardCharsets.UTF_8).length > 64) {
            return reason(400, "BadCollapseId", null);
        }
        String token = request.path().substring("/3/device/".length());
        if (token.isEmpty()) {
            return reason(400, "MissingDeviceToken", null);
        }
        if (!token.matches("[0-9a-fA-F]{64}") || token.startsWith("bad0")) {
            return reason(400, "BadDeviceToken", null);
        }
        if (request.body().isBlank()) {
            return reason(400, "PayloadEmpty", null);
        }
        if (request.body().getBytes(StandardCharsets.UTF_8).length > 4096) {
            return reason(413, "PayloadTooLarge", null);
        }
        if (token.startsWith("dead")) {
            return reason(410, "Unregistered", Instant.now().minus(Duration.ofDays(3)).toEpochMilli());
        }
        return FakeResponse.empty(200);
    }

    private static String providerTokenProblem(String authorization) {
        if (authorization == null || !authorization.toLowerCase().startsWith("bearer ")) {
            return "MissingProviderToken";
        }
        String[] parts = authorization.substring(7).trim().split("\\.");
        if (parts.length != 3 || parts[2].isEmpty()) {
            return "InvalidProviderToken";
        }
        try {
            JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            if (!"ES256".equals(header.path("alg").asText()) || header.path("kid").asText("").isEmpty()
                    || claims.path("iss").asText("").isEmpty() || !claims.has("iat")) {
                return "InvalidProviderToken";
            }
            if (claims.path("iat").asLong() < Instant.now().minus(Duration.ofHours(1)).getEpochSecond()) {
                return "ExpiredProviderToken";
            }
            return null;
        } catch (Exception e) {
            return "InvalidProviderToken";
        }
    }

    /** An APNs error answer, {@code {"reason": …}} (with {@code timestamp} for 410). */
    public static FakeResponse reason(int status, String reason, Long timestamp) {
        var body = JSON.createObjectNode().put("reason", reason);
        if (timestamp != null) {
            body.put("timestamp", timestamp);
        }
        return FakeResponse.json(status, body.toString());
    }
}
