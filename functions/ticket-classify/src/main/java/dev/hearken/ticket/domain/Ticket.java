package dev.hearken.ticket.domain;

import java.util.List;

/**
 * A ticket as the Zendesk Tickets API shows it (the fields the worker reads).
 *
 * @param updatedAt the ticket's {@code updated_at}: the {@code updated_stamp} of a safe update
 * @param channel   {@code via.channel}, e.g. {@code web}, {@code email}, {@code mobile_sdk}
 */
public record Ticket(long id, String subject, String description, String status, String priority, Long groupId,
        List<String> tags, Long requesterId, Long organizationId, String updatedAt, String channel) {

    public Ticket {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
