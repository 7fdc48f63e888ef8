package dev.hearken.ticket.webhook;

import dev.hearken.aws.http.LogValues;
import dev.hearken.integrations.zendesk.ZendeskSecret;
import dev.hearken.integrations.zendesk.ZendeskSettings;
import dev.hearken.ticket.aws.SqsQueues;
import dev.hearken.ticket.domain.TicketEvent;
import dev.hearken.ticket.zendesk.WebhookPayloads;
import dev.hearken.ticket.zendesk.WebhookSignature;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.jboss.logging.Logger;

/**
 * Accepts one Zendesk webhook delivery: signature and timestamp first (nothing unauthenticated is
 * even parsed), then the body, then SQS. Only a body that is durably on the queue is accepted, so
 * Zendesk retries everything else.
 */
@ApplicationScoped
public class WebhookIngress {

    private static final Logger LOG = Logger.getLogger(WebhookIngress.class);

    /** The outcome, mapped to HTTP by {@link WebhookFunction}. */
    public sealed interface Result {
        record Accepted(long ticketId, String eventKind, String messageId) implements Result {}
        record Unauthorized(WebhookSignature.Check why) implements Result {}
        record Invalid(String message) implements Result {}
    }

    private final ZendeskSecret secret;
    private final ZendeskSettings settings;
    private final WebhookPayloads payloads;
    private final SqsQueues queues;
    private final Clock clock;

    WebhookIngress(ZendeskSecret secret, ZendeskSettings settings, WebhookPayloads payloads, SqsQueues queues,
            Clock clock) {
        this.secret = secret;
        this.clock = clock;
        this.settings = settings;
        this.payloads = payloads;
        this.queues = queues;
    }

    public Result accept(String timestamp, String signature, String body) {
        WebhookSignature.Check check = WebhookSignature.checkTimestamp(timestamp, clock.instant(),
                settings.webhook().tolerance());
        if (check != WebhookSignature.Check.VALID) {
            return new Result.Unauthorized(check);
        }
        if (signature == null || signature.isBlank()) {
            return new Result.Unauthorized(WebhookSignature.Check.MISSING);
        }
        byte[] raw = body.getBytes(StandardCharsets.UTF_8);
        if (!WebhookSignature.matches(secret.signingSecret(), timestamp, raw, signature)
                && !(secret.refreshAfterMismatch()
                        && WebhookSignature.matches(secret.signingSecret(), timestamp, raw, signature))) {
            return new Result.Unauthorized(WebhookSignature.Check.MISMATCH);
        }
        TicketEvent event;
        try {
            event = payloads.parse(body);
        } catch (WebhookPayloads.InvalidPayloadException e) {
            return new Result.Invalid(e.getMessage());
        }
        String messageId = queues.enqueueTicket(body, event.kind(), event.ticketId());
        LOG.infof("accepted %s for ticket %d as message %s", LogValues.safe(event.kind()), event.ticketId(), messageId);
        return new Result.Accepted(event.ticketId(), event.kind(), messageId);
    }
}
