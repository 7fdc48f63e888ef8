package dev.hearken.ticket.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TicketChangeTest {

    private static final Ticket READ = ticket(List.of("billing"), null, "normal", "2026-03-02T09:14:00Z");

    @Test
    void the_update_keeps_every_existing_tag_adds_ours_and_carries_the_stamp_it_was_computed_from() {
        TicketChange change = new TicketChange(201L, List.of("hearken_classified", "billing"), "high", null);

        TicketUpdate update = change.against(READ, READ);

        assertThat(update.tags()).containsExactly("billing", "hearken_classified");
        assertThat(update.groupId()).isEqualTo(201L);
        assertThat(update.priority()).isEqualTo("high");
        assertThat(update.updatedStamp()).isEqualTo("2026-03-02T09:14:00Z");
    }

    @Test
    void reapplied_after_a_conflict_it_keeps_the_agents_new_tag_and_group() {
        TicketChange change = new TicketChange(201L, List.of("hearken_classified"), null, null);
        Ticket edited = ticket(List.of("billing", "agent_note"), 999L, "normal", "2026-03-02T09:15:00Z");

        TicketUpdate update = change.against(edited, READ);

        assertThat(update.tags()).containsExactly("billing", "agent_note", "hearken_classified");
        assertThat(update.groupId()).as("the agent moved it: their group stands").isNull();
        assertThat(update.updatedStamp()).isEqualTo("2026-03-02T09:15:00Z");
    }

    @Test
    void a_priority_is_never_lowered() {
        Ticket urgent = ticket(List.of(), null, "urgent", "2026-03-02T09:14:00Z");

        assertThat(new TicketChange(null, List.of("x"), "high", null).against(urgent, urgent).priority()).isNull();
    }

    @Test
    void a_ticket_that_already_looks_right_needs_no_update_so_a_retry_writes_nothing() {
        Ticket done = ticket(List.of("billing", "hearken_classified"), 201L, "high", "2026-03-02T09:16:00Z");

        assertThat(new TicketChange(201L, List.of("hearken_classified"), "high", null).against(done, done)).isNull();
    }

    private static Ticket ticket(List<String> tags, Long group, String priority, String updatedAt) {
        return new Ticket(35501, "s", "d", "new", priority, group, tags, 1L, null, updatedAt, "web");
    }
}
