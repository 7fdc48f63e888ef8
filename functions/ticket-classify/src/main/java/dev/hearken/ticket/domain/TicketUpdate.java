package dev.hearken.ticket.domain;

import java.util.List;

/**
 * One safe update of a ticket ({@code PUT /api/v2/tickets/{id}} with {@code safe_update} and
 * {@code updated_stamp}, zendesk.md §6). Fields left {@code null} are not sent.
 *
 * @param tags         the complete tag list (the API replaces it)
 * @param updatedStamp the {@code updated_at} the update was computed from; Zendesk answers 409 if the ticket changed since
 */
public record TicketUpdate(long ticketId, List<String> tags, Long groupId, String priority, String status,
        String updatedStamp) {

    public TicketUpdate {
        tags = List.copyOf(tags);
    }
}
