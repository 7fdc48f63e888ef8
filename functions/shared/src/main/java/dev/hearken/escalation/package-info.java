/**
 * The hand-over from review-ingest to a person: {@link dev.hearken.escalation.ReviewEscalation}, the message
 * format of the {@code review-escalations} queue, shared by its producer (review-ingest) and its consumer
 * (ticket-classify's {@code review-escalate}, which opens one Zendesk ticket per review).
 */
package dev.hearken.escalation;
