package dev.hearken.ticket.domain;

/**
 * The decision log, which also makes the worker idempotent: a delivery whose decision is
 * {@link Stage#DONE} is skipped, and at most one auto-reply request is ever made per ticket.
 */
public interface DecisionLog {

    /** How far the processing of one delivery got. */
    enum Stage { NONE, DECIDED, UPDATED, DONE }

    /** The stage reached for this delivery. */
    Stage stage(long ticketId, String eventKey);

    /** Records the decision (stage {@link Stage#DECIDED}); overwrites an unfinished attempt. */
    void decided(Decision decision);

    /** Records that the ticket was updated (or needed no update). */
    void updated(long ticketId, String eventKey);

    /** Records that the delivery is completely handled. */
    void done(long ticketId, String eventKey);

    /** Whether an auto-reply request was already sent for this ticket (by any delivery). */
    boolean replyRequested(long ticketId);

    /** Records that the auto-reply request for this ticket was sent. */
    void replyRequestedNow(long ticketId, String eventKey);
}
