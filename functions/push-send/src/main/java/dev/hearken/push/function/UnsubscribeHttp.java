package dev.hearken.push.function;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.hearken.aws.http.BadRequestException;
import dev.hearken.aws.http.HttpRequests;
import dev.hearken.aws.http.HttpResponses;
import dev.hearken.push.service.UnsubscribeService.Action;
import dev.hearken.push.service.UnsubscribeService.Answer;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The HTTP side of {@link UnsubscribeFunction}: the API Gateway request (payload format 2.0) → the
 * {@link Request} the service answers, and its {@link Answer} → the response (an HTML page for a browser, JSON
 * for a mail client's one-click POST). A request the service cannot be asked is refused here
 * ({@link Refused}: 400 missing parameter, 405 method, 413 body), and nothing is quoted back from it.
 */
@Singleton
public class UnsubscribeHttp {

    private static final Logger LOG = Logger.getLogger(UnsubscribeHttp.class);

    /** Pages carry the token in their URL: no caching, no referrer, no framing, no scripts. */
    private static final Map<String, String> HTML_HEADERS = Map.of(
            "content-type", "text/html; charset=utf-8",
            "cache-control", "no-store",
            "referrer-policy", "no-referrer",
            "x-robots-tag", "noindex",
            "content-security-policy", "default-src 'none'; form-action 'self'; frame-ancestors 'none'");

    /**
     * What the service is asked.
     *
     * @param html whether the answer is a page: always for a GET; for a POST only when the caller accepts
     *             {@code text/html} (the confirmation form in a browser — a mail client's one-click POST, Gmail's
     *             for one, sends no {@code Accept: text/html} and gets JSON)
     */
    record Request(Action action, String program, String token, boolean html) {}

    /** The JSON answer to a one-click POST, fields in this order. */
    @JsonPropertyOrder({"unsubscribed", "program"})
    public record UnsubscribedBody(boolean unsubscribed, String program) {}

    /** A request refused before the service is asked; {@link #response} is the answer. */
    static final class Refused extends RuntimeException {
        private final transient APIGatewayV2HTTPResponse response;

        Refused(APIGatewayV2HTTPResponse response) {
            super(null, null, false, false);
            this.response = response;
        }

        APIGatewayV2HTTPResponse response() {
            return response;
        }
    }

    private final HttpRequests requests;
    private final HttpResponses responses;

    @Inject
    UnsubscribeHttp(HttpRequests requests, HttpResponses responses) {
        this.requests = requests;
        this.responses = responses;
    }

    /**
     * The request, or {@link Refused}: a missing parameter or an undecodable body (400), another method (405), a
     * body too large (413).
     */
    Request request(APIGatewayV2HTTPEvent event) {
        try {
            return parse(event);
        } catch (BadRequestException e) {
            LOG.infof("unsubscribe request rejected: 400 (%s)", e.field() == null ? "body" : e.field());
            throw new Refused(responses.error(400, "invalid_request", e.getMessage(), e.field()));
        }
    }

    private Request parse(APIGatewayV2HTTPEvent event) {
        String method = method(event);
        String program = HttpRequests.requiredQuery(event, "program");
        String token = HttpRequests.requiredQuery(event, "token");
        return switch (method) {
            case "GET" -> new Request(Action.SHOW_FORM, program, token, true);
            case "POST" -> {
                if (requests.tooLarge(requests.rawBody(event))) {
                    throw new Refused(responses.error(413, "payload_too_large", "request body too large", null));
                }
                yield new Request(Action.UNSUBSCRIBE, program, token, acceptsHtml(event));
            }
            default -> throw new Refused(
                    responses.error(405, "method_not_allowed", "use POST (one-click) or GET (confirmation page)", null));
        };
    }

    /** The service's answer as the caller reads it. */
    APIGatewayV2HTTPResponse response(Answer answer, boolean html) {
        return switch (answer) {
            case Answer.Form form -> page(200, UnsubscribePage.confirm(form.program(), form.token()));
            case Answer.Unsubscribed done -> html ? page(200, UnsubscribePage.done(done.program()))
                    : responses.json(200, new UnsubscribedBody(true, done.program()));
            case Answer.InvalidToken invalid -> html ? page(400, UnsubscribePage.invalid())
                    : responses.error(400, "invalid_token", "the token is not valid for this program", "token");
        };
    }

    /** An unexpected failure: no message, it could quote a key or an item; the class name is enough to triage. */
    APIGatewayV2HTTPResponse failed(RuntimeException e) {
        LOG.errorf("unsubscribe failed: %s", e.getClass().getName());
        return responses.error(500, "internal_error", "unsubscribe failed; retry later", null);
    }

    private static APIGatewayV2HTTPResponse page(int status, String page) {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(HTML_HEADERS)
                .withBody(page)
                .withIsBase64Encoded(false)
                .build();
    }

    private static String method(APIGatewayV2HTTPEvent event) {
        if (event.getRequestContext() != null && event.getRequestContext().getHttp() != null
                && event.getRequestContext().getHttp().getMethod() != null) {
            return event.getRequestContext().getHttp().getMethod().toUpperCase(Locale.ROOT);
        }
        String routeKey = event.getRouteKey();
        return routeKey == null ? "" : routeKey.split(" ", 2)[0].toUpperCase(Locale.ROOT);
    }

    private static boolean acceptsHtml(APIGatewayV2HTTPEvent event) {
        Map<String, String> headers = event.getHeaders();
        if (headers == null) {
            return false;
        }
        return headers.entrySet().stream().anyMatch(h -> "accept".equalsIgnoreCase(h.getKey()) && h.getValue() != null
                && h.getValue().contains("text/html"));
    }
}
