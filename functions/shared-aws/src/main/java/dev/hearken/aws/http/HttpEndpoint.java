package dev.hearken.aws.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.hearken.integration.ConflictException;
import dev.hearken.integration.NotFoundException;
import dev.hearken.integration.RateLimitedException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * The one way to write an HTTP function (API Gateway HTTP API, payload format 2.0, taken by Funqy as the whole
 * envelope). It does everything a handler should not: body size (413), base64 and strict UTF-8, typed JSON binding
 * (400 naming the field), identifier checks (400), the domain's errors as JSON 4xx and anything unexpected as a
 * JSON 5xx that quotes no input. Every error body has one shape, {@code {"error", "message", "field"?}}.
 *
 * <pre>{@code
 * @Funq("impact")
 * public APIGatewayV2HTTPResponse impact(APIGatewayV2HTTPEvent event) {
 *     return http.handle("impact", event, request -> HttpEndpoint.Reply.ok(
 *             service.impact(request.pathId("appId"), request.pathId("topic"))));
 * }
 *
 * @Funq("assign")
 * public APIGatewayV2HTTPResponse assign(APIGatewayV2HTTPEvent event) {
 *     return http.handle("assign", event, request -> {
 *         AssignmentRequest body = request.body(AssignmentRequest.class);   // a record; 400 names a bad field
 *         return HttpEndpoint.Reply.ok(service.assign(body.userId(), body.experiment()));
 *     });
 * }
 * }</pre>
 *
 * <p>Errors map as: {@link BadRequestException} → 400 with its field; {@link NotFoundException} → 404;
 * {@link ConflictException} → 409; {@link RateLimitedException} (an upstream service limited <em>us</em>) → 503
 * with {@code Retry-After}, because the caller did nothing wrong and may retry; anything else → 500, or 503 for
 * {@link #webhook webhooks}, whose senders (Zendesk, AppFollow) only redeliver on 503. The log line of an
 * unexpected failure carries the exception class only: messages may quote the body.
 */
@ApplicationScoped
public class HttpEndpoint {

    private static final Logger LOG = Logger.getLogger(HttpEndpoint.class);

    /** Largest body accepted, after base64 decoding; bigger ones get 413 before any parsing. */
    public static final int MAX_BODY_BYTES = HttpRequests.MAX_BODY_BYTES;

    private final JsonBodies bodies;
    private final HttpResponses responses;

    public HttpEndpoint(JsonBodies bodies, HttpResponses responses) {
        this.bodies = bodies;
        this.responses = responses;
    }

    /** A handler: one request in, one reply out; it throws the domain's exceptions for the error answers. */
    @FunctionalInterface
    public interface Handler {
        Reply handle(Request request);
    }

    /**
     * What a handler answers: a status and a body serialised as JSON (a record, a map, a list), plus headers.
     * Records used as bodies must be registered for reflection in a native image.
     */
    public record Reply(int status, Object body, Map<String, String> headers) {

        public Reply {
            headers = Map.copyOf(headers);
        }

        public static Reply ok(Object body) {
            return new Reply(200, body, Map.of());
        }

        public static Reply accepted(Object body) {
            return new Reply(202, body, Map.of());
        }

        public static Reply status(int status, Object body) {
            return new Reply(status, body, Map.of());
        }

        /** An error in the common shape; {@code field} names the request field at fault, or is {@code null}. */
        public static Reply error(int status, String code, String message, String field) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", code);
            body.put("message", message);
            if (field != null) {
                body.put("field", field);
            }
            return new Reply(status, body, Map.of());
        }
    }

    /** Serves a request; anything unexpected is a 500. */
    public APIGatewayV2HTTPResponse handle(String operation, APIGatewayV2HTTPEvent event, Handler handler) {
        return serve(operation, event, handler, 500);
    }

    /**
     * Serves a webhook delivery; anything unexpected is a 503 so that the sender delivers again later (Zendesk and
     * AppFollow do not redeliver on 500).
     */
    public APIGatewayV2HTTPResponse webhook(String operation, APIGatewayV2HTTPEvent event, Handler handler) {
        return serve(operation, event, handler, 503);
    }

    private APIGatewayV2HTTPResponse serve(String operation, APIGatewayV2HTTPEvent event, Handler handler,
            int unexpected) {
        Reply reply;
        try {
            String body = Bodies.decode(event);
            if (Bodies.tooLarge(body)) {
                reply = Reply.error(413, "payload_too_large", "request body exceeds " + MAX_BODY_BYTES + " bytes",
                        null);
            } else {
                reply = handler.handle(new Request(event, body, bodies));
            }
        } catch (BadRequestException e) {
            reply = Reply.error(400, "invalid_request", e.getMessage(), e.field());
        } catch (NotFoundException e) {
            reply = Reply.error(404, "not_found", "no such " + e.service() + " object", null);
        } catch (ConflictException e) {
            reply = Reply.error(409, "conflict", "the object changed meanwhile; read it again", null);
        } catch (RateLimitedException e) {
            long seconds = Math.max(1, e.retryAfter().toSeconds());
            Reply limited = Reply.error(503, "unavailable", e.service() + " is busy; retry later", null);
            reply = new Reply(503, limited.body(), Map.of("retry-after", Long.toString(seconds)));
        } catch (RuntimeException e) {
            LOG.errorf("%s failed: %s", operation, e.getClass().getName());
            reply = Reply.error(unexpected, unexpected == 503 ? "unavailable" : "internal_error",
                    unexpected == 503 ? "could not accept the request; retry later" : "the request failed", null);
        }
        log(operation, reply);
        return respond(reply);
    }

    private static void log(String operation, Reply reply) {
        if (reply.status() >= 400 && reply.body() instanceof Map<?, ?> error) {
            Object field = error.get("field");
            LOG.infof("%s: %d %s%s", operation, reply.status(), error.get("error"),
                    field == null ? "" : " (" + LogValues.safe(field.toString()) + ")");
        } else {
            LOG.infof("%s: %d", operation, reply.status());
        }
    }

    private APIGatewayV2HTTPResponse respond(Reply reply) {
        APIGatewayV2HTTPResponse response = responses.json(reply.status(), reply.body());
        if (!reply.headers().isEmpty()) {
            Map<String, String> headers = new LinkedHashMap<>(response.getHeaders());
            headers.putAll(reply.headers());
            response.setHeaders(headers);
        }
        return response;
    }

    /** One request: its decoded body, typed on demand, and validated identifiers from the path and query. */
    public static final class Request {

        private final APIGatewayV2HTTPEvent event;
        private final String body;
        private final JsonBodies bodies;

        Request(APIGatewayV2HTTPEvent event, String body, JsonBodies bodies) {
            this.event = event;
            this.body = body;
            this.bodies = bodies;
        }

        /** The body bound to {@code type} (a record); 400 naming the field when it does not fit. */
        public <T> T body(Class<T> type) {
            return bodies.read(body, type);
        }

        /** The body as sent (decoded from base64 when API Gateway encoded it); empty when there is none. */
        public String rawBody() {
            return body;
        }

        /** A path parameter that must be a valid identifier ({@link Identifiers}); 400 naming it otherwise. */
        public String pathId(String name) {
            return Identifiers.require(name, params(event.getPathParameters()).get(name));
        }

        /**
         * A path parameter that must be a valid identifier and then parse with {@code parse} (which throws for a
         * value it rejects); 400 naming it otherwise, saying it must be {@code expected}.
         */
        public <T> T path(String name, Function<String, T> parse, String expected) {
            String value = pathId(name);
            try {
                return parse.apply(value);
            } catch (RuntimeException e) {
                throw new BadRequestException(name, name + " must be " + expected);
            }
        }

        /** A query parameter that, when present, must be a valid identifier; empty when absent. */
        public Optional<String> queryId(String name) {
            String value = query(name);
            return value == null ? Optional.empty()
                    : Optional.of(Identifiers.require(name, value));
        }

        /** A query parameter parsed by {@code parse}; 400 naming it when {@code parse} throws; empty when absent. */
        public <T> Optional<T> query(String name, Function<String, T> parse, String expected) {
            String value = query(name);
            if (value == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(parse.apply(value));
            } catch (RuntimeException e) {
                throw new BadRequestException(name, name + " must be " + expected);
            }
        }

        /** A query parameter as sent (a token, a free-text filter), or {@code null}; never log it unsanitised. */
        public String query(String name) {
            return params(event.getQueryStringParameters()).get(name);
        }

        /** A header, by case-insensitive name, or {@code null}. */
        public String header(String name) {
            Map<String, String> headers = event.getHeaders();
            if (headers == null) {
                return null;
            }
            for (Map.Entry<String, String> h : headers.entrySet()) {
                if (h.getKey() != null && h.getKey().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                    return h.getValue();
                }
            }
            return null;
        }

        private static Map<String, String> params(Map<String, String> params) {
            return params == null ? Map.of() : params;
        }
    }
}
