package dev.hearken.ticket.worker;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.hearken.aws.sqs.SqsVisibility;
import dev.hearken.ticket.domain.ClassificationService;
import dev.hearken.ticket.domain.TicketEvent;
import dev.hearken.ticket.zendesk.WebhookPayloads;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.jboss.logging.Logger;

/**
 * Handles one message of the tickets queue: parse the enqueued webhook body, classify. A 429 from Zendesk returns
 * the message to the queue after Retry-After ({@link SqsVisibility}) and fails the record.
 */
@ApplicationScoped
public class TicketMessages {

    private static final Logger LOG = Logger.getLogger(TicketMessages.class);

    private final WebhookPayloads payloads;
    private final ClassificationService classification;
    private final SqsVisibility visibility;

    TicketMessages(WebhookPayloads payloads, ClassificationService classification,
            @Named("tickets") SqsVisibility visibility) {
        this.payloads = payloads;
        this.classification = classification;
        this.visibility = visibility;
    }

    /** Throws when the record failed (Funqy then reports it in {@code batchItemFailures}). */
    public ClassificationService.Outcome handle(SQSEvent.SQSMessage message) {
        TicketEvent event = payloads.parse(message.getBody());
        ClassificationService.Outcome outcome = visibility.deferringRateLimits(message.getReceiptHandle(),
                () -> classification.handle(event));
        LOG.infof("ticket %d (%s, message %s): %s", event.ticketId(), event.kind(), message.getMessageId(), outcome);
        return outcome;
    }
}
