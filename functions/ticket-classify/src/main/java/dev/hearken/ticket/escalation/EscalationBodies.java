package dev.hearken.ticket.escalation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.hearken.escalation.ReviewEscalation;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads the body of a review-escalations message as a {@link ReviewEscalation}. A body that is not a valid
 * escalation fails its record with the reason; after the queue's five receives it is in
 * {@code hearken-review-escalations-dlq}.
 */
@ApplicationScoped
public class EscalationBodies {

    private final ObjectMapper json;

    EscalationBodies(ObjectMapper json) {
        this.json = json;
    }

    /** The escalation, or {@link InvalidEscalationException} naming what is wrong (never the review's text). */
    public ReviewEscalation parse(String body) {
        try {
            ReviewEscalation escalation = json.readValue(body == null ? "" : body, ReviewEscalation.class);
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
