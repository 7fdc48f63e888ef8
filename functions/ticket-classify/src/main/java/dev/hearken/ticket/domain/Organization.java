package dev.hearken.ticket.domain;

import java.util.List;

/** The requester's organization; its tags can mark it as VIP. */
public record Organization(long id, List<String> tags) {

    public Organization {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
