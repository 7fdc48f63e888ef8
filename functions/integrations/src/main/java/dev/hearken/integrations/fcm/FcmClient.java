package dev.hearken.integrations.fcm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.integration.RetryAfter;
import dev.hearken.integrations.auth.GoogleAccessTokens;
import dev.hearken.integrations.http.JsonHttp;
import dev.hearken.integration.ServiceException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;

/**
 * The one FCM HTTP v1 client: {@code POST /v1/projects/{project}/messages:send} (fcm.md §3–4) with a
 * service-account access token ({@link GoogleAccessTokens}, firebase.messaging scope). A 401 without an
 * {@code FcmError} detail means our access token was refused: it is dropped and the send retried once.
 *
 * <p>FCM's answers are not mapped to exceptions here: whether an error means "delete the token", "retry" or "give
 * up" is push-send's domain decision, so {@link #send} returns the answer's parts as a {@link Result}. Only a
 * missing answer throws ({@link ServiceException} with status 0).
 */
public final class FcmClient {

    /** The service name in errors. */
    public static final String SERVICE = "fcm";
    private static final String FCM_ERROR = "type.googleapis.com/google.firebase.fcm.v1.FcmError";
    private static final String SCOPE = GoogleAccessTokens.FIREBASE_MESSAGING;

    /**
     * FCM's answer.
     *
     * @param name       {@code projects/{p}/messages/{id}} on success, else {@code null}
     * @param errorCode  {@code details[].errorCode} of the {@code FcmError} detail, or {@code null}
     * @param rpcStatus  {@code error.status} (canonical gRPC status), or {@code null}
     * @param retryAfter the {@code Retry-After} header read by {@link RetryAfter}
     */
    public record Result(int status, String name, String errorCode, String rpcStatus, Optional<Duration> retryAfter) {

        public boolean sent() {
            return status == 200;
        }
    }

    private final String baseUrl;
    private final JsonHttp http;
    private final ObjectMapper json;
    private final GoogleAccessTokens tokens;

    public FcmClient(String baseUrl, HttpClient http, ObjectMapper json, Duration timeout, GoogleAccessTokens tokens) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.http = new JsonHttp(SERVICE, http, json, timeout);
        this.json = json;
        this.tokens = tokens;
    }

    /** Sends {@code message}; every HTTP answer is a {@link Result}. */
    public Result send(FcmMessage message) {
        FcmMessage.SendRequest body = new FcmMessage.SendRequest(message);
        JsonHttp.Reply reply = post(body);
        if (reply.status() == 401 && errorCode(parse(reply)) == null) {
            tokens.invalidate(SCOPE);
            reply = post(body);
        }
        JsonNode answer = parse(reply);
        if (reply.status() == 200) {
            return new Result(200, answer.path("name").asText(), null, null, Optional.empty());
        }
        return new Result(reply.status(), null, errorCode(answer), answer.path("error").path("status").asText(null),
                RetryAfter.parse(reply.header("retry-after").orElse(null)));
    }

    private JsonHttp.Reply post(FcmMessage.SendRequest body) {
        URI uri = URI.create(baseUrl + "/v1/projects/" + tokens.projectId() + "/messages:send");
        return http.send(http.request(uri)
                .header("authorization", "Bearer " + tokens.token(SCOPE))
                .header("content-type", "application/json; charset=utf-8")
                .POST(http.body(body)).build());
    }

    private static String errorCode(JsonNode answer) {
        for (JsonNode detail : answer.path("error").path("details")) {
            if (FCM_ERROR.equals(detail.path("@type").asText())) {
                return detail.path("errorCode").asText(null);
            }
        }
        return null;
    }

    private JsonNode parse(JsonHttp.Reply reply) {
        try {
            return json.readTree(reply.body() == null || reply.body().isEmpty() ? "{}" : reply.body());
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }
}
