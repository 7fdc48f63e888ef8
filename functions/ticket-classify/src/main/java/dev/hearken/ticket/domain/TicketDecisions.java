package dev.hearken.ticket.domain;

import java.util.List;

/**
 * Everything the worker logged about one ticket: its decisions, newest first, and its auto-reply request.
 *
 * @param ticketId           the Zendesk ticket
 * @param decisions          one per delivery (the new ticket, each follow-up), newest first
 * @param autoReplyRequested the ticket's one automatic-reply request, or {@code null} when none was made
 */
public record TicketDecisions(long ticketId, List<LoggedDecision> decisions, ReplyRequestMark autoReplyRequested) {

    public TicketDecisions {
        decisions = List.copyOf(decisions);
    }
}
