package dev.hearken.ticket.domain;

/** The ticket does not exist (deleted, or a delivery for another account). */
public final class TicketNotFoundException extends RuntimeException {

    public TicketNotFoundException(long ticketId) {
        super("ticket " + ticketId + " not found");
    }
}
