package dev.hearken.ticket.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecisionLookupTest {

    @Test
    void decisions_come_newest_first() {
        LoggedDecision first = decision("trigger@2026-03-02T10:00:00Z", "2026-03-02T10:00:01Z");
        LoggedDecision followUp = decision("evt-2", "2026-03-02T11:00:00Z");
        DecisionLookup lookup = new DecisionLookup(id -> new TicketDecisions(id, List.of(first, followUp), null));

        assertThat(lookup.decisions(35501).orElseThrow().decisions()).containsExactly(followUp, first);
    }

    @Test
    void a_ticket_with_nothing_logged_is_unknown_but_one_with_only_its_reply_request_is_not() {
        ReplyRequestMark mark = new ReplyRequestMark("evt-1", Instant.parse("2026-03-02T10:00:02Z"));

        assertThat(new DecisionLookup(id -> new TicketDecisions(id, List.of(), null)).decisions(1)).isEmpty();
        assertThat(new DecisionLookup(id -> new TicketDecisions(id, List.of(), mark)).decisions(1)).isPresent();
    }

    private static LoggedDecision decision(String eventKey, String at) {
        return new LoggedDecision(eventKey, "DONE", Instant.parse(at), null, null, "en", 0.99, "how_to", 0.9, null,
                0.01, 0.2, List.of(), "how-to", 360000000204L, List.of("how_to"), null, false, true, "eligible",
                List.of("model:intent(how_to 0.90)"), "2026.03");
    }
}
