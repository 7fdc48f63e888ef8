package dev.hearken.ticket.domain;

import java.util.List;
import java.util.Objects;

/**
 * A ticket to open ({@code POST /api/v2/tickets}, OAS {@code CreateTicket} with a {@code TicketCreateInput}).
 * Fields left {@code null} are not sent; no requester is named, so Zendesk makes the API user the requester.
 *
 * @param externalId    the ticket's {@code external_id}: how the ticket is found again (ListTickets), so a repeat
 *                      does not open a second one
 * @param subject       the subject
 * @param comment       the first comment's plain text (OAS requires a comment on creation)
 * @param publicComment {@code false} makes the first comment an internal note
 * @param groupId       the group to assign, or {@code null}
 * @param tags          the ticket's tags
 * @param priority      {@code low}…{@code urgent}, or {@code null}
 */
public record NewTicket(String externalId, String subject, String comment, boolean publicComment, Long groupId,
        List<String> tags, String priority) {

    public NewTicket {
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(comment, "comment");
        tags = tags == null ? List.of() : List.copyOf(tags);
        if (priority != null && !Priorities.isValid(priority)) {
            throw new IllegalArgumentException("unknown priority " + priority);
        }
    }
}
