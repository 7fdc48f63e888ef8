package dev.hearken.ticket.worker;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.hearken.ticket.aws.SqsQueues;
import dev.hearken.ticket.config.TicketSettings;
import dev.hearken.ticket.domain.ClassificationService;
import dev.hearken.ticket.domain.RateLimitedException;
import dev.hearken.ticket.domain.TicketEvent;
import dev.hearken.ticket.zendesk.WebhookPayloads;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Handles one message of the tickets queue: parse the enqueued webhook body, classify. A 429 from
 * Zendesk returns the message to the queue after Retry-After (by changing its visibility; the
 * function never sleeps) and fails the record.
 */
@ApplicationScoped
public class TicketMessages {

    private static final Logger LOG = Logger.getLogger(TicketMessages.class);

    private final WebhookPayloads payloads;
    private final ClassificationService classification;
    private final SqsQueues queues;
    private final TicketSettings settings;

    TicketMessages(WebhookPayloads payloads, ClassificationService classification, SqsQueues queues,
            TicketSettings settings) {
        this.payloads = payloads;
        this.classification = classification;
        this.queues = queues;
        this.settings = settings;
    }

    /** Throws when the record failed (Funqy then reports it in {@code batchItemFailures}). */
    public ClassificationService.Outcome handle(SQSEvent.SQSMessage message) {
        TicketEvent event = payloads.parse(message.getBody());
        try {
            ClassificationService.Outcome outcome = classification.handle(event);
            LOG.infof("ticket %d (%s, message %s): %s", event.ticketId(), event.kind(), message.getMessageId(), outcome);
            return outcome;
        } catch (RateLimitedException e) {
            Duration delay = e.retryAfter().isZero() ? settings.defaultRetryAfter() : e.retryAfter();
            try {
                queues.retryLater(message.getReceiptHandle(), delay);
            } catch (RuntimeException visibility) {
                // The message then comes back after the queue's visibility timeout instead: later, not lost.
                LOG.warnf("could not change the visibility of message %s: %s", message.getMessageId(),
                        visibility.getClass().getSimpleName());
            }
            throw e;
        }
    }
}
