package dev.hearken.aws.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * Reads API Gateway HTTP API (payload format 2.0) requests: raw body and JSON object bodies. New handlers use
 * {@link HttpEndpoint}, which binds bodies to typed records and maps errors; this class stays for the handlers not
 * yet switched to it.
 */
@ApplicationScoped
public class HttpRequests {

    /** Largest body accepted; bigger ones get 413 before any parsing. */
    public static final int MAX_BODY_BYTES = 256 * 1024;

    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {};

    private final ObjectMapper json;

    public HttpRequests(ObjectMapper json) {
        this.json = json;
    }

    /**
     * The body as sent, decoding base64 when API Gateway encoded it; empty string when absent. Same rules as
     * {@link HttpEndpoint}: bytes that are not UTF-8 are a {@link BadRequestException}.
     */
    public String rawBody(APIGatewayV2HTTPEvent event) {
        return Bodies.decode(event);
    }

    /** The query string parameters; empty, never {@code null}, when the request has none. */
    public static Map<String, String> query(APIGatewayV2HTTPEvent event) {
        return event.getQueryStringParameters() == null ? Map.of() : event.getQueryStringParameters();
    }

    /** A query parameter that must be present and not blank; otherwise a 400 naming it. */
    public static String requiredQuery(APIGatewayV2HTTPEvent event, String name) {
        String value = query(event).get(name);
        if (value == null || value.isBlank()) {
            throw new BadRequestException(name, "query parameter '" + name + "' is required");
        }
        return value;
    }

    /** Whether the body exceeds {@link #MAX_BODY_BYTES}. */
    public boolean tooLarge(String body) {
        return Bodies.tooLarge(body);
    }

    /** Parses a JSON object body. */
    public Map<String, Object> jsonObject(String body) {
        if (body.isBlank()) {
            throw new BadRequestException(null, "request body is empty; expected a JSON object");
        }
        try {
            Map<String, Object> parsed = json.readValue(body, JSON_OBJECT);
            if (parsed == null) {
                throw new BadRequestException(null, "request body must be a JSON object");
            }
            return parsed;
        } catch (JsonProcessingException e) {
            throw new BadRequestException(null, "request body is not a JSON object: "
                    + e.getOriginalMessage());
        }
    }
}
