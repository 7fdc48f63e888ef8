package dev.hearken.autoreply.domain;

/** The ticket changed between our read and our write (Zendesk safe update, 409): read again and re-decide. */
public class UpdateConflictException extends RuntimeException {

    public UpdateConflictException(long ticketId) {
        super("ticket " + ticketId + " changed since it was read");
    }
}
