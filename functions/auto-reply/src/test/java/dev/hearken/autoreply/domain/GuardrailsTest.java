package dev.hearken.autoreply.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class GuardrailsTest {

    private final Guardrails rails = new Guardrails(Guardrails.DEFAULT_BLOCKED_TAGS, Set.of(9L), Set.of("urgent", "high"));

    private static TicketView ticket(String status, String priority, Long group, Set<String> tags, boolean answered) {
        return new TicketView(1, status, priority, group, tags, null, "t", answered);
    }

    @Test
    void an_ordinary_open_ticket_may_be_answered() {
        assertThat(rails.check(ticket("new", "normal", 1L, Set.of("ios"), false))).isEmpty();
        assertThat(rails.check(ticket("open", null, null, Set.of(), false))).isEmpty();
    }

    @Test
    void each_protection_has_its_own_reason() {
        assertThat(rails.check(ticket("open", "HIGH", null, Set.of(), false))).contains("priority:high");
        assertThat(rails.check(ticket("open", "normal", null, Set.of("GDPR"), false))).contains("blocked_tag:gdpr");
        assertThat(rails.check(ticket("open", "normal", null, Set.of("hearken_vip"), false))).contains("blocked_tag:hearken_vip");
        assertThat(rails.check(ticket("open", "normal", 9L, Set.of(), false))).contains("blocked_group");
        assertThat(rails.check(ticket("open", "normal", null, Set.of(), true))).contains("agent_answered");
        assertThat(rails.check(ticket("solved", "normal", null, Set.of(), false))).contains("status:solved");
    }

    @Test
    void a_review_with_a_developer_response_is_not_answered_again() {
        assertThat(rails.check(new ReviewView("app", "r", 1, null, true))).contains("already_answered");
        assertThat(rails.check(new ReviewView("app", "r", 1, null, false))).isEmpty();
    }

    @Test
    void the_human_path_is_appended_to_an_edited_template_that_lost_it_but_never_twice() {
        String en = HumanPath.sentence(ReplyChannel.Kind.TICKET, "en").orElseThrow();

        assertThat(HumanPath.ensure(ReplyChannel.Kind.TICKET, "en", "Hello.")).isEqualTo("Hello.\n\n" + en);
        assertThat(HumanPath.ensure(ReplyChannel.Kind.TICKET, "en", "Hello.\n\n" + en)).isEqualTo("Hello.\n\n" + en);
        assertThat(HumanPath.ensure(ReplyChannel.Kind.TICKET, "pt-BR", "Oi.")).endsWith("equipe vai te responder.");
        assertThat(HumanPath.ensure(ReplyChannel.Kind.REVIEW, "ko", "Thanks.")).endsWith("from our team will answer.");
    }
}
