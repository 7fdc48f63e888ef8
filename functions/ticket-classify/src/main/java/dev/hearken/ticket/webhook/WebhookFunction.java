package dev.hearken.ticket.webhook;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.hearken.aws.http.HttpEndpoint;
import dev.hearken.aws.http.HttpEndpoint.Reply;
import dev.hearken.aws.http.LogValues;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * ticket-classify's webhook: {@code POST /webhooks/zendesk} (HTTP API, payload format 2.0) in front of
 * {@link WebhookIngress}. 202 once the delivery is on the tickets queue; 413, 401 and 400 with a JSON error
 * otherwise, and then nothing is enqueued; 503 (Zendesk delivers again) when the queue fails. The body is passed
 * on as sent: the signature covers its exact bytes.
 */
public class WebhookFunction {

    private static final Logger LOG = Logger.getLogger(WebhookFunction.class);

    static final String SIGNATURE = "x-zendesk-webhook-signature";
    static final String TIMESTAMP = "x-zendesk-webhook-signature-timestamp";

    private final WebhookIngress ingress;
    private final HttpEndpoint http;

    @Inject
    WebhookFunction(WebhookIngress ingress, HttpEndpoint http) {
        this.ingress = ingress;
        this.http = http;
    }

    @Funq("webhook")
    public APIGatewayV2HTTPResponse webhook(APIGatewayV2HTTPEvent event) {
        return http.webhook("zendesk webhook", event, request -> switch (ingress.accept(
                request.header(TIMESTAMP), request.header(SIGNATURE), request.rawBody())) {
            case WebhookIngress.Result.Accepted a ->
                    Reply.accepted(new Accepted("accepted", Long.toString(a.ticketId()), a.eventKind()));
            case WebhookIngress.Result.Unauthorized u -> {
                LOG.infof("zendesk webhook unauthorised: %s", u.why());
                yield Reply.error(401, "invalid_signature", "missing, stale or invalid Zendesk webhook signature", null);
            }
            case WebhookIngress.Result.Invalid i -> {
                LOG.infof("zendesk webhook invalid: %s", LogValues.safe(i.message()));
                yield Reply.error(400, "invalid_request", i.message(), null);
            }
        });
    }

    /** The answer to Zendesk: {@code {"status", "ticketId", "eventKind"}}. */
    record Accepted(String status, String ticketId, String eventKind) {
    }
}
