package dev.hearken.integrations.apns;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.integration.RetryAfter;
import dev.hearken.integrations.http.JsonHttp;
import dev.hearken.integration.ServiceException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The one APNs client: {@code POST /3/device/{token}} with token auth (apns.md §2–5). APNs speaks HTTP/2 over TLS
 * only (ALPN {@code h2}), so the {@link HttpClient} given must be built for {@link HttpClient.Version#HTTP_2}; the
 * local fake serves the same way with a certificate trusted through {@link TrustedCertificates}.
 * {@code ExpiredProviderToken} refreshes the provider token and retries once.
 *
 * <p>Answers are returned, not thrown: what a status and reason mean (delete the token, retry, give up) is
 * push-send's domain decision. Only a missing answer throws ({@link ServiceException} with status 0).
 */
public final class ApnsClient {

    /** The service name in errors. */
    public static final String SERVICE = "apns";

    /**
     * One push's headers (apns.md §2) and payload.
     *
     * @param priority   {@code 10} immediate, {@code 5} power-considerate
     * @param expiration UNIX seconds after which APNs stops trying
     */
    public record Push(String deviceToken, String pushType, int priority, long expiration, String collapseId,
            Map<String, Object> payload) {
    }

    /**
     * APNs' answer: {@code apns-id} on success, else the body's {@code reason} and any {@code Retry-After} (APNs
     * documents none).
     */
    public record Result(int status, String apnsId, String reason, Optional<Duration> retryAfter) {

        public boolean sent() {
            return status == 200;
        }
    }

    private final String baseUrl;
    private final ApnsProviderTokens tokens;
    private final JsonHttp http;
    private final ObjectMapper json;

    public ApnsClient(String baseUrl, ApnsProviderTokens tokens, HttpClient http, ObjectMapper json, Duration timeout) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.tokens = tokens;
        this.http = new JsonHttp(SERVICE, http, json, timeout);
        this.json = json;
    }

    /** Sends {@code push}; every HTTP answer is a {@link Result}. */
    public Result send(Push push) {
        JsonHttp.Reply reply = post(push);
        String reason = reply.status() == 200 ? null : reason(reply);
        if (reply.status() == 403 && "ExpiredProviderToken".equals(reason) && tokens.refreshExpired()) {
            reply = post(push);
            reason = reply.status() == 200 ? null : reason(reply);
        }
        if (reply.status() == 200) {
            return new Result(200, reply.header("apns-id").orElse(""), null, Optional.empty());
        }
        return new Result(reply.status(), reply.header("apns-id").orElse(null), reason,
                RetryAfter.parse(reply.header("retry-after").orElse(null)));
    }

    private JsonHttp.Reply post(Push push) {
        return http.send(http.request(URI.create(baseUrl + "/3/device/" + push.deviceToken()))
                .header("authorization", "bearer " + tokens.token())
                .header("apns-push-type", push.pushType())
                .header("apns-topic", tokens.topic())
                .header("apns-priority", Integer.toString(push.priority()))
                .header("apns-expiration", Long.toString(push.expiration()))
                .header("apns-collapse-id", push.collapseId())
                .header("content-type", "application/json")
                .POST(http.body(push.payload())).build());
    }

    private String reason(JsonHttp.Reply reply) {
        try {
            String body = reply.body();
            return body == null || body.isEmpty() ? null : json.readTree(body).path("reason").asText(null);
        } catch (IOException e) {
            return null;
        }
    }
}
