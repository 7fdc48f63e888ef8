package dev.hearken.autoreply.domain;

import java.util.Set;

/**
 * What the guardrails and the template need from a Zendesk ticket, read fresh before replying.
 *
 * @param updatedAt               the ticket's {@code updated_at} (the {@code updated_stamp} of our safe update)
 * @param publicReplyByOther      a public comment exists whose author is not the requester (an agent answered,
 *                                or our own earlier reply)
 */
public record TicketView(long id, String status, String priority, Long groupId, Set<String> tags,
        String requesterName, String updatedAt, boolean publicReplyByOther) {

    public TicketView {
        tags = tags == null ? Set.of() : Set.copyOf(tags);
    }

    @Override
    public String toString() {
        return "TicketView[id=" + id + ", status=" + status + ", priority=" + priority + "]"; // no name in logs
    }
}
