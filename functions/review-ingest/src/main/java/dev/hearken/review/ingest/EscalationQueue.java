package dev.hearken.review.ingest;

import dev.hearken.escalation.ReviewEscalation;

/** Port: hands a review a person must see to ticket-classify (the {@code review-escalations} queue). */
@FunctionalInterface
public interface EscalationQueue {

    void send(ReviewEscalation escalation);
}
