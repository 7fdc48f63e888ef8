package dev.hearken.push.provider;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.time.Duration;

/**
 * FCM HTTP v1 {@code POST /v1/projects/{project}/messages:send} (fcm.md §1–4). Errors are read from
 * {@code error.details[].errorCode} of the {@code FcmError} detail and classified by
 * {@link ProviderErrors#fcm}. A 401 without an FcmError detail means our access token was refused:
 * it is refreshed and the send retried once.
 */
public final class FcmGateway implements PushGateway {

    private static final String FCM_ERROR = "type.googleapis.com/google.firebase.fcm.v1.FcmError";

    private final String baseUrl;
    private final FcmAccessTokens tokens;
    private final HttpClient http;
    private final ObjectMapper json;
    private final Duration timeout;
    private final Duration defaultRetry;

    public FcmGateway(String baseUrl, FcmAccessTokens tokens, HttpClient http, ObjectMapper json, Duration timeout,
            Duration defaultRetry) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.tokens = tokens;
        this.http = http;
        this.json = json;
        this.timeout = timeout;
        this.defaultRetry = defaultRetry;
    }

    @Override
    public ProviderOutcome send(Device device, Notification notification) {
        try {
            String body = body(device, notification);
            HttpResponse<String> response = post(body);
            if (response.statusCode() == 401 && errorCode(response.body()) == null) {
                tokens.invalidate();
                response = post(body);
            }
            if (response.statusCode() == 200) {
                return new ProviderOutcome.Sent(json.readTree(response.body()).path("name").asText());
            }
            JsonNode error = parse(response.body()).path("error");
            return ProviderErrors.fcm(response.statusCode(), errorCode(response.body()),
                    error.path("status").asText(null),
                    ProviderErrors.parseRetryAfter(response.headers().firstValue("retry-after").orElse(null)),
                    defaultRetry);
        } catch (IOException | IllegalStateException e) {
            return new ProviderOutcome.Retry("fcm:transport:" + e.getClass().getSimpleName(), defaultRetry);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ProviderOutcome.Retry("fcm:interrupted", defaultRetry);
        }
    }

    private HttpResponse<String> post(String body) throws IOException, InterruptedException {
        URI uri = URI.create(baseUrl + "/v1/projects/" + tokens.projectId() + "/messages:send");
        return http.send(HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("authorization", "Bearer " + tokens.token())
                .header("content-type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The {@code SendMessageRequest} (snake_case names, as in Firebase's examples). */
    String body(Device device, Notification n) {
        ObjectNode root = json.createObjectNode();
        ObjectNode message = root.putObject("message");
        message.put("token", device.token());
        ObjectNode visible = message.putObject("notification");
        if (!n.copy().title().isEmpty()) {
            visible.put("title", n.copy().title());
        }
        visible.put("body", n.copy().body());
        ObjectNode data = message.putObject("data");
        n.data().forEach(data::put);
        ObjectNode android = message.putObject("android");
        android.put("priority", n.priority() == Priority.TRANSACTIONAL ? "HIGH" : "NORMAL");
        android.put("collapse_key", n.collapseId());
        android.put("ttl", "86400s");
        message.putObject("fcm_options").put("analytics_label", label(n.label()));
        return root.toString();
    }

    private String errorCode(String body) {
        for (JsonNode detail : parse(body).path("error").path("details")) {
            if (FCM_ERROR.equals(detail.path("@type").asText())) {
                return detail.path("errorCode").asText(null);
            }
        }
        return null;
    }

    private JsonNode parse(String body) {
        try {
            return json.readTree(body == null || body.isEmpty() ? "{}" : body);
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    /** FCM allows {@code [a-zA-Z0-9-_.~%]{1,50}}. */
    private static String label(String label) {
        String clean = label.replaceAll("[^a-zA-Z0-9\\-_.~%]", "_");
        return clean.length() > 50 ? clean.substring(0, 50) : clean;
    }
}
