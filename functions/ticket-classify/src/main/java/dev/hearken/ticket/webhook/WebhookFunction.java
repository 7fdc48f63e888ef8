package dev.hearken.ticket.webhook;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.hearken.aws.http.BadRequestException;
import dev.hearken.aws.http.HttpRequests;
import dev.hearken.aws.http.HttpResponses;
import io.quarkus.funqy.Funq;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * ticket-classify's webhook: {@code POST /webhooks/zendesk} (HTTP API, payload format 2.0) in front of
 * {@link WebhookIngress}. 202 once the delivery is on the tickets queue; 413, 401 and 400 with a JSON
 * error otherwise, and then nothing is enqueued. Funqy maps the whole envelope, so the body is read here.
 */
public class WebhookFunction {

    private static final Logger LOG = Logger.getLogger(WebhookFunction.class);

    static final String SIGNATURE = "x-zendesk-webhook-signature";
    static final String TIMESTAMP = "x-zendesk-webhook-signature-timestamp";

    private final WebhookIngress ingress;
    private final HttpRequests requests;
    private final HttpResponses responses;

    @jakarta.inject.Inject
    WebhookFunction(WebhookIngress ingress, HttpRequests requests, HttpResponses responses) {
        this.ingress = ingress;
        this.requests = requests;
        this.responses = responses;
    }

    @Funq("webhook")
    public APIGatewayV2HTTPResponse webhook(APIGatewayV2HTTPEvent event) {
        try {
            String body = requests.rawBody(event);
            if (requests.tooLarge(body)) {
                LOG.info("rejected zendesk webhook: 413");
                return responses.error(413, "payload_too_large",
                        "request body exceeds " + HttpRequests.MAX_BODY_BYTES + " bytes", null);
            }
            Map<String, String> headers = lowerCase(event.getHeaders());
            return switch (ingress.accept(headers.get(TIMESTAMP), headers.get(SIGNATURE), body)) {
                case WebhookIngress.Result.Accepted a -> responses.json(202, Map.of(
                        "status", "accepted", "ticketId", Long.toString(a.ticketId()), "eventKind", a.eventKind()));
                case WebhookIngress.Result.Unauthorized u -> {
                    LOG.infof("rejected zendesk webhook: 401 (%s)", u.why());
                    yield responses.error(401, "invalid_signature",
                            "missing, stale or invalid Zendesk webhook signature", null);
                }
                case WebhookIngress.Result.Invalid i -> {
                    LOG.infof("rejected zendesk webhook: 400 (%s)", i.message());
                    yield responses.error(400, "invalid_request", i.message(), null);
                }
            };
        } catch (BadRequestException e) {
            return responses.error(400, "invalid_request", e.getMessage(), e.field());
        } catch (RuntimeException e) {
            // 5xx: Zendesk retries. No message: it may quote the body.
            LOG.errorf("zendesk webhook failed: %s", e.getClass().getName());
            return responses.error(503, "unavailable", "could not accept the event; retry later", null);
        }
    }

    /** HTTP API lowercases header names already; a direct invocation may not. */
    private static Map<String, String> lowerCase(Map<String, String> headers) {
        Map<String, String> out = new LinkedHashMap<>();
        if (headers != null) {
            headers.forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), v));
        }
        return out;
    }
}
