package dev.hearken.ticket.domain;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the worker wants to change on a ticket, independent of its current state. {@link #against}
 * turns it into the concrete update for the ticket as last read — so after a 409 the same change is
 * re-applied to the fresh ticket, keeping the tags an agent added meanwhile.
 *
 * @param groupId  group to assign, or {@code null}
 * @param addTags  tags that must be on the ticket
 * @param priority priority to raise to (never lowered), or {@code null}
 * @param status   status to set ({@code solved} for closed spam), or {@code null}
 */
public record TicketChange(Long groupId, List<String> addTags, String priority, String status) {

    public TicketChange {
        addTags = List.copyOf(addTags);
    }

    /**
     * The update for {@code current}: all its tags plus ours (the Tickets API replaces the tag list,
     * and the safe update's {@code updated_stamp} makes sure the list we extend is the latest), the
     * group, the priority if it raises the current one, the status. {@code null} when the ticket
     * already looks like that — a retry after a crash then writes nothing.
     *
     * @param firstRead the ticket as read before deciding: if an agent moved it to another group
     *                  since, the agent's choice stands and only tags and priority are applied
     */
    public TicketUpdate against(Ticket current, Ticket firstRead) {
        Set<String> tags = new LinkedHashSet<>(current.tags());
        boolean tagsMissing = tags.addAll(addTags);
        boolean agentMovedIt = !Objects.equals(current.groupId(), firstRead.groupId());
        Long group = groupId != null && !groupId.equals(current.groupId()) && !agentMovedIt ? groupId : null;
        String raised = Priorities.max(current.priority(), priority);
        String newPriority = Objects.equals(raised, current.priority()) ? null : raised;
        String newStatus = status != null && !status.equals(current.status()) ? status : null;
        if (!tagsMissing && group == null && newPriority == null && newStatus == null) {
            return null;
        }
        return new TicketUpdate(current.id(), List.copyOf(tags), group, newPriority, newStatus, current.updatedAt());
    }
}
