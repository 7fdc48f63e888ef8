package dev.hearken.ticket.escalation;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.hearken.aws.sqs.SqsVisibility;
import dev.hearken.escalation.ReviewEscalation;
import dev.hearken.ticket.domain.ReviewEscalationService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.jboss.logging.Logger;

/**
 * Handles one message of the review-escalations queue: read the {@link ReviewEscalation}, open (or find) its
 * ticket. A 429 from Zendesk returns the message to the queue after Retry-After ({@link SqsVisibility}) and fails
 * the record. A body that is not a valid escalation fails its record with the
 * reason; after the queue's five receives it is in {@code hearken-review-escalations-dlq}.
 */
@ApplicationScoped
public class EscalationMessages {

    private static final Logger LOG = Logger.getLogger(EscalationMessages.class);

    private final ObjectMapper json;
    private final ReviewEscalationService service;
    private final SqsVisibility visibility;

    EscalationMessages(ObjectMapper json, ReviewEscalationService service,
            @Named("review-escalations") SqsVisibility visibility) {
        this.json = json;
        this.service = service;
        this.visibility = visibility;
    }

    /** Throws when the record failed (Funqy then reports it in {@code batchItemFailures}). */
    public ReviewEscalationService.Outcome handle(SQSEvent.SQSMessage message) {
        ReviewEscalation escalation = parse(message);
        ReviewEscalationService.Outcome outcome = visibility.deferringRateLimits(message.getReceiptHandle(),
                () -> service.escalate(escalation));
        LOG.infof("%s (message %s): %s ticket %d%s", escalation, message.getMessageId(), outcome.status(),
                outcome.ticketId(), outcome.route() == null ? "" : ", group " + outcome.route().groupId()
                        + " by rule " + outcome.route().ruleId() + ", priority " + outcome.route().priority());
        return outcome;
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
