package dev.hearken.ticket.domain;

/** A safe update was refused (409): the ticket changed since it was read. */
public final class UpdateConflictException extends RuntimeException {

    public UpdateConflictException(long ticketId) {
        super("ticket " + ticketId + " changed since it was read");
    }
}
