package dev.hearken.push.provider;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearken.push.domain.Device;
import dev.hearken.push.domain.Notification;
import dev.hearken.push.domain.ProviderErrors;
import dev.hearken.push.domain.ProviderOutcome;
import dev.hearken.push.message.Priority;
import dev.hearken.push.port.PushGateway;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;

/**
 * APNs {@code POST /3/device/{token}} with token auth (apns.md §2–5). The {@link HttpClient} is built
 * for HTTP/2, which APNs requires over TLS (ALPN {@code h2}); the local APNs fake serves the same way,
 * with a certificate the client is told to trust ({@code hearken.push.apns.trust-certificates}, see
 * {@code PushBeans}). {@code ExpiredProviderToken} refreshes the provider token and retries once.
 */
public final class ApnsGateway implements PushGateway {

    private final String baseUrl;
    private final ApnsProviderTokens tokens;
    private final HttpClient http;
    private final ObjectMapper json;
    private final Duration timeout;
    private final Duration defaultRetry;
    private final Clock clock;

    public ApnsGateway(String baseUrl, ApnsProviderTokens tokens, HttpClient http, ObjectMapper json, Duration timeout,
            Duration defaultRetry, Clock clock) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.tokens = tokens;
        this.http = http;
        this.json = json;
        this.timeout = timeout;
        this.defaultRetry = defaultRetry;
        this.clock = clock;
    }

    @Override
    public ProviderOutcome send(Device device, Notification notification) {
        try {
            String body = payload(notification);
            HttpResponse<String> response = post(device, notification, body);
            if (response.statusCode() == 403 && "ExpiredProviderToken".equals(reason(response.body()))
                    && tokens.refreshExpired()) {
                response = post(device, notification, body);
            }
            if (response.statusCode() == 200) {
                return new ProviderOutcome.Sent(response.headers().firstValue("apns-id").orElse(""));
            }
            return ProviderErrors.apns(response.statusCode(), reason(response.body()),
                    ProviderErrors.parseRetryAfter(response.headers().firstValue("retry-after").orElse(null)),
                    defaultRetry);
        } catch (IOException | IllegalStateException e) {
            return new ProviderOutcome.Retry("apns:transport:" + e.getClass().getSimpleName(), defaultRetry);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ProviderOutcome.Retry("apns:interrupted", defaultRetry);
        }
    }

    private HttpResponse<String> post(Device device, Notification n, String body) throws IOException, InterruptedException {
        boolean urgent = n.priority() == Priority.TRANSACTIONAL;
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/3/device/" + device.token()))
                .timeout(timeout)
                .header("authorization", "bearer " + tokens.token())
                .header("apns-push-type", "alert")
                .header("apns-topic", tokens.topic())
                .header("apns-priority", urgent ? "10" : "5")
                .header("apns-expiration", Long.toString(clock.instant().plus(Duration.ofDays(1)).getEpochSecond()))
                .header("apns-collapse-id", n.collapseId())
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** {@code aps.alert {title, body}} plus the data keys outside {@code aps}. */
    String payload(Notification n) {
        ObjectNode root = json.createObjectNode();
        ObjectNode aps = root.putObject("aps");
        ObjectNode alert = aps.putObject("alert");
        if (!n.copy().title().isEmpty()) {
            alert.put("title", n.copy().title());
        }
        alert.put("body", n.copy().body());
        aps.put("sound", "default");
        aps.put("thread-id", n.data().getOrDefault("program", "hearken"));
        n.data().forEach((k, v) -> {
            if (!"aps".equals(k)) {
                root.put(k, v);
            }
        });
        return root.toString();
    }

    private String reason(String body) {
        try {
            return body == null || body.isEmpty() ? null : json.readTree(body).path("reason").asText(null);
        } catch (IOException e) {
            return null;
        }
    }
}
