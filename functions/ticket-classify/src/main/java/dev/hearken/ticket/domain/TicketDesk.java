package dev.hearken.ticket.domain;

/** The help desk (Zendesk's Ticketing API). Implementations throw {@link RateLimitedException} on 429. */
public interface TicketDesk {

    /** The ticket, or {@link TicketNotFoundException}. */
    Ticket ticket(long id);

    /** The requester. */
    Requester requester(long userId);

    /** The organization, or {@code null} when it does not exist. */
    Organization organization(long organizationId);

    /** Applies a safe update; {@link UpdateConflictException} when the ticket changed since {@link TicketUpdate#updatedStamp()}. */
    void update(TicketUpdate update);

    /** Marks the ticket as spam (and suspends its requester). */
    void markAsSpam(long ticketId);
}
