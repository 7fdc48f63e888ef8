package dev.hearken.push.function;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.hearken.aws.http.BadRequestException;
import dev.hearken.aws.http.HttpRequests;
import dev.hearken.aws.http.HttpResponses;
import dev.hearken.push.service.UnsubscribeService;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The one-click unsubscribe endpoint (the {@code mail-unsubscribe} Lambda, same artifact, export
 * {@code unsubscribe}) behind the public routes {@code POST} and {@code GET /mail/unsubscribe?program=…&token=…}
 * (API Gateway HTTP API, payload format 2.0; no authoriser: the sealed token is the authentication).
 *
 * <ul>
 *   <li>{@code POST} (RFC 8058 one-click: a mail client posts {@code List-Unsubscribe=One-Click}, form-encoded;
 *       the confirmation form posts the same) → {@link UnsubscribeService#unsubscribe}: 200
 *       {@code {"unsubscribed": true, "program": …}} (an HTML page for a browser's form), or 400
 *       {@code invalid_token} with nothing changed. The body is not required: the token authenticates.</li>
 *   <li>{@code GET} (a person following the link in the body) → an HTML page with a form that POSTs; it
 *       changes nothing (RFC 8058 §3.2), and says so when the token does not open.</li>
 * </ul>
 * Logs name the program and the outcome, never the token or the user id.
 */
public class UnsubscribeFunction {

    private static final Logger LOG = Logger.getLogger(UnsubscribeFunction.class);

    /** Pages carry the token in their URL: no caching, no referrer, no framing, no scripts. */
    private static final Map<String, String> HTML_HEADERS = Map.of(
            "content-type", "text/html; charset=utf-8",
            "cache-control", "no-store",
            "referrer-policy", "no-referrer",
            "x-robots-tag", "noindex",
            "content-security-policy", "default-src 'none'; form-action 'self'; frame-ancestors 'none'");

    private final UnsubscribeService unsubscribe;
    private final HttpRequests requests;
    private final HttpResponses responses;

    @Inject
    UnsubscribeFunction(UnsubscribeService unsubscribe, HttpRequests requests, HttpResponses responses) {
        this.unsubscribe = unsubscribe;
        this.requests = requests;
        this.responses = responses;
    }

    @Funq("unsubscribe")
    public APIGatewayV2HTTPResponse unsubscribe(APIGatewayV2HTTPEvent event) {
        String method = method(event);
        boolean browser = wantsHtml(event);
        try {
            String program = HttpRequests.requiredQuery(event, "program");
            String token = HttpRequests.requiredQuery(event, "token");
            return switch (method) {
                case "GET" -> {
                    boolean valid = unsubscribe.valid(program, token);
                    LOG.infof("unsubscribe page for %s: %s", program, valid ? "form shown" : "invalid token");
                    yield valid ? html(200, UnsubscribePage.confirm(program, token)) : html(400, UnsubscribePage.invalid());
                }
                case "POST" -> {
                    if (requests.tooLarge(requests.rawBody(event))) {
                        yield responses.error(413, "payload_too_large", "request body too large", null);
                    }
                    UnsubscribeService.Outcome outcome = unsubscribe.unsubscribe(program, token);
                    LOG.infof("one-click unsubscribe from %s: %s", program, outcome);
                    yield switch (outcome) {
                        case UNSUBSCRIBED -> browser ? html(200, UnsubscribePage.done(program)) : done(program);
                        case INVALID_TOKEN -> browser ? html(400, UnsubscribePage.invalid())
                                : responses.error(400, "invalid_token", "the token is not valid for this program", "token");
                    };
                }
                default -> responses.error(405, "method_not_allowed", "use POST (one-click) or GET (confirmation page)", null);
            };
        } catch (BadRequestException e) {
            LOG.infof("unsubscribe request rejected: 400 (%s)", e.field() == null ? "body" : e.field());
            return responses.error(400, "invalid_request", e.getMessage(), e.field());
        } catch (RuntimeException e) {
            // No message: it could quote a key or an item. The class name is enough to triage.
            LOG.errorf("unsubscribe failed: %s", e.getClass().getName());
            return responses.error(500, "internal_error", "unsubscribe failed; retry later", null);
        }
    }

    private APIGatewayV2HTTPResponse done(String program) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("unsubscribed", true);
        body.put("program", program);
        return responses.json(200, body);
    }

    private static APIGatewayV2HTTPResponse html(int status, String page) {
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

    /**
     * A browser submitting the confirmation form asks for HTML first; a mail client's one-click POST does not
     * (Gmail, for one, sends no {@code Accept: text/html}), and gets JSON.
     */
    private static boolean wantsHtml(APIGatewayV2HTTPEvent event) {
        Map<String, String> headers = event.getHeaders();
        if (headers == null) {
            return false;
        }
        for (Map.Entry<String, String> h : headers.entrySet()) {
            if ("accept".equalsIgnoreCase(h.getKey()) && h.getValue() != null && h.getValue().contains("text/html")) {
                return true;
            }
        }
        return false;
    }
}
