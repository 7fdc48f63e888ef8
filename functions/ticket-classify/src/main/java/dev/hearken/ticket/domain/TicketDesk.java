package dev.hearken.ticket.domain;

import dev.hearken.integration.ConflictException;
import dev.hearken.integration.NotFoundException;
import dev.hearken.integration.RateLimitedException;
import java.util.List;

/** The help desk (Zendesk's Ticketing API). Implementations throw {@link RateLimitedException} on 429. */
public interface TicketDesk {

    /** The ticket, or {@link NotFoundException}. */
    Ticket ticket(long id);

    /** The requester. */
    Requester requester(long userId);

    /** The organization, or {@code null} when it does not exist. */
    Organization organization(long organizationId);

    /** Applies a safe update; {@link ConflictException} when the ticket changed since {@link TicketUpdate#updatedStamp()}. */
    void update(TicketUpdate update);

    /** Marks the ticket as spam (and suspends its requester). */
    void markAsSpam(long ticketId);

    /**
     * The ids of the tickets whose {@code external_id} is exactly {@code externalId}, lowest first (Zendesk does
     * not make external ids unique, so there may be several); empty when there is none.
     */
    List<Long> ticketsByExternalId(String externalId);

    /** Opens a ticket; returns its id. */
    long create(NewTicket ticket);
}
