package dev.hearken.ticket.domain;

/**
 * The comment a delivery names is not among the ticket's newest comments. The record fails and is
 * retried (a listing that lags the event catches up); a comment that never shows up ends in the
 * tickets DLQ with this message, instead of being dropped silently.
 */
public final class CommentNotFoundException extends RuntimeException {

    public CommentNotFoundException(long ticketId, Long commentId) {
        super(commentId == null ? "ticket " + ticketId + " has no comments"
                : "comment " + commentId + " is not among the newest comments of ticket " + ticketId);
    }
}
