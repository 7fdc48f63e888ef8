package dev.hearken.ticket.domain;

import dev.hearken.integration.NotFoundException;
import dev.hearken.integration.RateLimitedException;
import java.util.List;

/**
 * The conversation on a ticket (Zendesk's Ticket Comments and Users APIs), for follow-ups. Kept apart
 * from {@link TicketDesk} so that a desk used only for new tickets need not implement it.
 * Implementations throw {@link RateLimitedException} on 429.
 */
public interface TicketComments {

    /**
     * The ticket's newest comments, newest first: one page (Zendesk lists at most 100).
     * {@link NotFoundException} when the ticket does not exist.
     */
    List<TicketComment> newest(long ticketId);

    /** Who the user is: an end-user, an agent, Hearken's own API user, or unknown. */
    CommentAuthor author(long userId);
}
