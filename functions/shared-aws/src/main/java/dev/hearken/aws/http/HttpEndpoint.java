package dev.hearken.aws.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * unexpected failure carries the exception class only: messages may quote the body. A module whose domain has
 * exceptions of its own with documented codes ({@code invalid_event}, {@code experiment_not_found}) passes an
 * {@link Errors} that answers them; what it does not answer maps as above.
 */
@ApplicationScoped
public class HttpEndpoint {

    private static final Logger LOG = Logger.getLogger(HttpEndpoint.class);

    /** Largest body accepted, after base64 decoding; bigger ones get 413 before any parsing. */
    public static final int MAX_BODY_BYTES = 256 * 1024;

    private static final Map<String, String> JSON_HEADERS = Map.of(
            "content-type", "application/json; charset=utf-8",
            "cache-control", "no-store");

    private final JsonBodies bodies;
    private final ObjectMapper json;

    public HttpEndpoint(JsonBodies bodies, ObjectMapper json) {
        this.bodies = bodies;
        this.json = json;
    }

    /** A handler: one request in, one reply out; it throws the domain's exceptions for the error answers. */
    @FunctionalInterface
    public interface Handler {
        Reply handle(Request request);
    }

    /** The answers to a module's own domain exceptions; empty for an exception it does not know. */
    @FunctionalInterface
    public interface Errors {

        /** No domain exceptions of its own: only the common mapping applies. */
        Errors NONE = e -> Optional.empty();

        Optional<Reply> reply(RuntimeException e);
    }

    /**
     * What a handler answers: a status and a body serialised as JSON (a record, a map, a list), or a {@link Text}
     * sent as it is, plus headers. Records used as bodies must be registered for reflection in a native image.
     */
    public record Reply(int status, Object body, Map<String, String> headers) {

        /** A body that is not JSON (an HTML page), sent as it is with its content type. */
        public record Text(String contentType, String text) {}

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

        /** A page or other text of {@code contentType}, with extra {@code headers} (caching, security). */
        public static Reply text(int status, String contentType, String text, Map<String, String> headers) {
            return new Reply(status, new Text(contentType, text), headers);
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
        return serve(operation, event, Errors.NONE, handler, 500);
    }

    /** Serves a request, answering the domain's own exceptions with {@code errors}; anything else unexpected is a 500. */
    public APIGatewayV2HTTPResponse handle(String operation, APIGatewayV2HTTPEvent event, Errors errors,
            Handler handler) {
        return serve(operation, event, errors, handler, 500);
    }

    /**
     * Serves a webhook delivery; anything unexpected is a 503 so that the sender delivers again later (Zendesk and
     * AppFollow do not redeliver on 500).
     */
    public APIGatewayV2HTTPResponse webhook(String operation, APIGatewayV2HTTPEvent event, Handler handler) {
        return serve(operation, event, Errors.NONE, handler, 503);
    }

    private APIGatewayV2HTTPResponse serve(String operation, APIGatewayV2HTTPEvent event, Errors errors,
            Handler handler, int unexpected) {
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
            reply = errors.reply(e).orElseGet(() -> unexpected(operation, e, unexpected));
        }
        log(operation, reply);
        return respond(reply);
    }

    private static Reply unexpected(String operation, RuntimeException e, int status) {
        LOG.errorf("%s failed: %s", operation, e.getClass().getName());
        return Reply.error(status, status == 503 ? "unavailable" : "internal_error",
                status == 503 ? "could not accept the request; retry later" : "the request failed", null);
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
        Map<String, String> headers = new LinkedHashMap<>(JSON_HEADERS);
        String text;
        if (reply.body() instanceof Reply.Text page) {
            headers.put("content-type", page.contentType());
            text = page.text();
        } else if (reply.body() == null) {
            text = "";   // 204 No Content
        } else {
            text = json(reply.body());
        }
        headers.putAll(reply.headers());
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(reply.status())
                .withHeaders(headers)
                .withBody(text)
                .withIsBase64Encoded(false)
                .build();
    }

    private String json(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            // Replies are registered records, maps, lists and scalars; only a forgotten registration gets here.
            throw new IllegalStateException("reply is not serialisable: " + body.getClass().getName(), e);
        }
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

        /** The body as a JSON object, under {@link JsonBodies}' rules; 400 when it is malformed or not an object. */
        public com.fasterxml.jackson.databind.JsonNode tree() {
            return bodies.tree(body);
        }

        /** The body as sent (decoded from base64 when API Gateway encoded it); empty when there is none. */
        public String rawBody() {
            return body;
        }

        /** Whether the route has the path parameter {@code name} and the request a value for it. */
        public boolean hasPath(String name) {
            return params(event.getPathParameters()).containsKey(name);
        }

        /** The route key API Gateway matched ({@code GET /admin/routing-rules/{ruleId}}), or empty. */
        public String routeKey() {
            return event.getRouteKey() == null ? "" : event.getRouteKey();
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

        /** A query parameter that must be present and not blank (a token, a name); 400 naming it otherwise. */
        public String requiredQuery(String name) {
            String value = query(name);
            if (value == null || value.isBlank()) {
                throw new BadRequestException(name, "query parameter '" + name + "' is required");
            }
            return value;
        }

        /** The HTTP method in upper case, from the request context or else the route key; empty when neither has it. */
        public String method() {
            var context = event.getRequestContext();
            if (context != null && context.getHttp() != null && context.getHttp().getMethod() != null) {
                return context.getHttp().getMethod().toUpperCase(Locale.ROOT);
            }
            String routeKey = event.getRouteKey();
            return routeKey == null ? "" : routeKey.split(" ", 2)[0].toUpperCase(Locale.ROOT);
        }

        /**
         * The ARN of the IAM principal API Gateway authorised (a route with the {@code AWS_IAM} authoriser), or
         * {@code null} when the request passed none.
         */
        public String iamCaller() {
            var context = event.getRequestContext();
            var authorizer = context == null ? null : context.getAuthorizer();
            var iam = authorizer == null ? null : authorizer.getIam();
            String arn = iam == null ? null : iam.getUserArn();
            return arn == null || arn.isBlank() ? null : arn;
        }

        /** A header, by case-insensitive name, or {@code null}. */
        public String header(String name) {
            Map<String, String> headers = event.getHeaders();
            if (headers == null) {
                return null;
            }
            for (Map.Entry<String, String> h : headers.entrySet()) {
                if (name.equalsIgnoreCase(h.getKey())) {
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
