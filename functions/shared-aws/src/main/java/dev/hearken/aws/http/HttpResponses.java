package dev.hearken.aws.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * Builds API Gateway HTTP API (payload format 2.0) responses with JSON bodies. Every error has the
 * same shape, {@code {"error": code, "message": text, "field": name?}}, so clients can rely on it.
 */
@ApplicationScoped
public class HttpResponses {

    private static final Map<String, String> JSON_HEADERS = Map.of(
            "content-type", "application/json; charset=utf-8",
            "cache-control", "no-store");

    private final ObjectMapper json;

    public HttpResponses(ObjectMapper json) {
        this.json = json;
    }

    /** A response whose body is {@code body} serialised as JSON. */
    public APIGatewayV2HTTPResponse json(int status, Object body) {
        String text;
        try {
            text = json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            // Our own response objects are maps, lists and scalars; this cannot happen for them.
            throw new IllegalStateException("response is not serialisable", e);
        }
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(JSON_HEADERS)
                .withBody(text)
                .withIsBase64Encoded(false)
                .build();
    }

    /** An error response; {@code field} names the offending request field, or is {@code null}. */
    public APIGatewayV2HTTPResponse error(int status, String code, String message, String field) {
        return json(status, HttpEndpoint.Reply.error(status, code, message, field).body());
    }
}
