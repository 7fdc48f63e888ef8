package dev.hearken.ticket.escalation;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.hearken.escalation.ReviewEscalation;
import dev.hearken.ticket.aws.SqsQueues;
import dev.hearken.ticket.config.TicketSettings;
import dev.hearken.ticket.domain.RateLimitedException;
import dev.hearken.ticket.domain.ReviewEscalationService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Handles one message of the review-escalations queue: read the {@link ReviewEscalation}, open (or find) its
 * ticket. A 429 from Zendesk returns the message to the queue after Retry-After (by changing its visibility; the
 * function never sleeps) and fails the record. A body that is not a valid escalation fails its record with the
 * reason; after the queue's five receives it is in {@code hearken-review-escalations-dlq}.
 */
@ApplicationScoped
public class EscalationMessages {

    private static final Logger LOG = Logger.getLogger(EscalationMessages.class);

    private final ObjectMapper json;
    private final ReviewEscalationService service;
    private final SqsQueues queues;
    private final TicketSettings settings;

    EscalationMessages(ObjectMapper json, ReviewEscalationService service, SqsQueues queues,
            TicketSettings settings) {
        this.json = json;
        this.service = service;
        this.queues = queues;
        this.settings = settings;
    }

    /** Throws when the record failed (Funqy then reports it in {@code batchItemFailures}). */
    public ReviewEscalationService.Outcome handle(SQSEvent.SQSMessage message) {
        ReviewEscalation escalation = parse(message);
        try {
            ReviewEscalationService.Outcome outcome = service.escalate(escalation);
            LOG.infof("%s (message %s): %s ticket %d%s", escalation, message.getMessageId(), outcome.status(),
                    outcome.ticketId(), outcome.route() == null ? "" : ", group " + outcome.route().groupId()
                            + " by rule " + outcome.route().ruleId() + ", priority " + outcome.route().priority());
            return outcome;
        } catch (RateLimitedException e) {
            Duration delay = e.retryAfter().isZero() ? settings.defaultRetryAfter() : e.retryAfter();
            try {
                queues.retryEscalationLater(message.getReceiptHandle(), delay);
            } catch (RuntimeException visibility) {
                // The message then comes back after the queue's visibility timeout instead: later, not lost.
                LOG.warnf("could not change the visibility of message %s: %s", message.getMessageId(),
                        visibility.getClass().getSimpleName());
            }
            throw e;
        }
    }

    private ReviewEscalation parse(SQSEvent.SQSMessage message) {
        String body = message.getBody() == null ? "" : message.getBody();
        try {
            ReviewEscalation escalation = json.readValue(body, ReviewEscalation.class);
            if (escalation == null) {
                throw new InvalidEscalationException("empty message");
            }
            return escalation;
        } catch (ValueInstantiationException e) {
            // The record's own checks (ids, flags, rating): their messages name fields, never content.
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new InvalidEscalationException("not a valid review escalation: " + cause.getMessage());
        } catch (JsonProcessingException e) {
            throw new InvalidEscalationException("not a review escalation JSON (" + e.getClass().getSimpleName()
                    + " at " + e.getLocation() + ")");
        }
    }

    /** A message that can never become a ticket: failed with its reason, dead-lettered after its receives. */
    public static final class InvalidEscalationException extends IllegalArgumentException {
        InvalidEscalationException(String reason) {
            super(reason);
        }
    }
}
