package dev.hearken.autoreply.domain;

import dev.hearken.integration.ConflictException;
import dev.hearken.integration.RateLimitedException;
import java.util.Set;

/**
 * Port: the help desk (Zendesk). Implementations throw {@link RateLimitedException} on 429 and
 * {@link RejectedException} on a 4xx that cannot succeed.
 */
public interface ReplyDesk {

    /** The ticket as it is now, including whether someone other than the requester already answered publicly. */
    TicketView read(long ticketId);

    /**
     * Posts {@code body} as a public comment, sets {@code status} and adds {@code tags}, in one safe
     * update against {@link TicketView#updatedAt()}; {@link ConflictException} when the ticket changed.
     */
    void reply(TicketView ticket, String body, String status, Set<String> tags);
}
