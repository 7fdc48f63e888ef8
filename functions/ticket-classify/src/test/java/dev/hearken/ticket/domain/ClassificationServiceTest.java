package dev.hearken.ticket.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hearken.integration.ConflictException;
import dev.hearken.integration.RateLimitedException;
import dev.hearken.understanding.Analysis;
import dev.hearken.understanding.Intent;
import dev.hearken.understanding.PrioritySignal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClassificationServiceTest {

    private final InMemoryPorts.Desk desk = new InMemoryPorts.Desk();
    private final InMemoryPorts.Vips vips = new InMemoryPorts.Vips();
    private final InMemoryPorts.Log log = new InMemoryPorts.Log();
    private final InMemoryPorts.Replies replies = new InMemoryPorts.Replies();
    private Analysis analysis = analysis(Intent.SUBSCRIPTION_BILLING, 0.9, Set.of(), false);
    private ClassificationService service;

    @BeforeEach
    void setUp() {
        desk.tickets.put(35501L, new Ticket(35501, "How do I cancel?", "…", "new", null, null, List.of("billing"),
                7L, null, "2026-03-02T09:14:00Z", "web"));
        service = new ClassificationService(desk, new InMemoryPorts.Comments(), input -> analysis, vips, Rules::all, log, replies,
                new ReplyPolicy(0.6, Set.of("dummy", "subscription_billing", "how_to")), SpamAction.TAG,
                Set.of("vip"), "default", Clock.fixed(Instant.parse("2026-03-02T09:15:04Z"), ZoneOffset.UTC));
    }

    @Test
    void an_eligible_ticket_is_routed_updated_safely_logged_and_handed_to_auto_reply_once() {
        service.handle(event("trigger@2026-03-02T09:14Z"));

        assertThat(desk.updates).hasSize(1);
        assertThat(desk.updates.get(0).groupId()).isEqualTo(Rules.BILLING_GROUP);
        assertThat(desk.updates.get(0).updatedStamp()).isEqualTo("2026-03-02T09:14:00Z");
        assertThat(replies.sent).singleElement().satisfies(r -> {
            assertThat(r.requestId()).isEqualTo("zendesk:35501");
            assertThat(r.intent()).isEqualTo("subscription_billing");
            assertThat(r.language()).isEqualTo("en");
        });
        assertThat(log.stage(35501, "trigger@2026-03-02T09:14Z")).isEqualTo(DecisionLog.Stage.DONE);
        assertThat(log.decisions.values()).singleElement().satisfies(d -> {
            assertThat(d.route().ruleId()).isEqualTo("subscription-billing");
            assertThat(d.reasons()).anyMatch(r -> r.startsWith("routing:rule subscription-billing"));
        });
    }

    @Test
    void the_same_delivery_twice_produces_no_second_update_and_no_second_reply() {
        service.handle(event("e-1"));

        assertThat(service.handle(event("e-1"))).isEqualTo(ClassificationService.Outcome.DUPLICATE);
        assertThat(desk.updates).hasSize(1);
        assertThat(replies.sent).hasSize(1);
    }

    @Test
    void another_delivery_for_the_same_ticket_writes_nothing_new_and_requests_no_second_reply() {
        service.handle(event("e-1"));
        service.handle(event("e-2"));

        assertThat(desk.updates).hasSize(1);
        assertThat(replies.sent).hasSize(1);
    }

    @Test
    void a_retry_after_a_crash_between_update_and_log_does_not_update_again() {
        service.handle(event("e-1"));
        log.stages.put("35501/e-1", DecisionLog.Stage.DECIDED); // as if the crash came right after the update
        log.replies.clear();

        service.handle(event("e-1"));

        assertThat(desk.updates).hasSize(1);
    }

    @Test
    void on_a_conflict_the_ticket_is_re_read_and_the_change_re_applied_keeping_the_agents_tag() {
        desk.conflictsToAnswer = 1;

        service.handle(event("e-1"));

        assertThat(desk.updates).singleElement().satisfies(u -> {
            assertThat(u.tags()).contains("agent_edit", "billing", Router.CLASSIFIED_TAG);
            assertThat(u.updatedStamp()).isEqualTo("2026-03-02T09:11:00Z");
        });
    }

    @Test
    void persistent_conflicts_give_up_after_three_attempts_so_the_message_is_retried_later() {
        desk.conflictsToAnswer = 5;

        assertThatThrownBy(() -> service.handle(event("e-1"))).isInstanceOf(ConflictException.class);
        assertThat(replies.sent).isEmpty();
        assertThat(log.stage(35501, "e-1")).isEqualTo(DecisionLog.Stage.DECIDED);
    }

    @Test
    void a_rate_limit_propagates_with_its_retry_after_and_nothing_is_logged_as_done() {
        desk.rateLimit = new RateLimitedException("zendesk", Duration.ofSeconds(7));

        assertThatThrownBy(() -> service.handle(event("e-1")))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> assertThat(e.retryAfter()).hasSeconds(7));
        assertThat(log.stage(35501, "e-1")).isEqualTo(DecisionLog.Stage.NONE);
    }

    @Test
    void privacy_legal_payment_and_vip_tickets_are_routed_to_people_and_never_reach_auto_reply() {
        record Case(Set<PrioritySignal> signals, Intent intent, boolean vip, long group) {}
        List<Case> cases = List.of(
                new Case(Set.of(PrioritySignal.PRIVACY), Intent.SUBSCRIPTION_BILLING, false, Rules.PRIVACY_GROUP),
                new Case(Set.of(), Intent.PRIVACY_REQUEST, false, Rules.PRIVACY_GROUP),
                new Case(Set.of(PrioritySignal.LEGAL), Intent.HOW_TO, false, Rules.LEGAL_GROUP),
                new Case(Set.of(PrioritySignal.PAYMENT_FAILURE), Intent.SUBSCRIPTION_BILLING, false, Rules.PAYMENT_GROUP),
                new Case(Set.of(), Intent.SUBSCRIPTION_BILLING, true, Rules.VIP_GROUP));
        long id = 40000;
        for (Case c : cases) {
            id++;
            desk.tickets.put(id, new Ticket(id, "s", "d", "new", null, null, List.of(), c.vip() ? 99L : 7L, null,
                    "2026-03-02T09:14:00Z", "web"));
            vips.users.add(99L);
            analysis = analysis(c.intent(), 0.99, c.signals(), false);

            service.handle(new TicketEvent(id, "e", "trigger", null, null, null, "web", List.of()));

            TicketUpdate update = desk.updates.get(desk.updates.size() - 1);
            assertThat(update.groupId()).as(c.toString()).isEqualTo(c.group());
            assertThat(update.tags()).as(c.toString()).contains(Router.PRIORITY_TAG);
        }
        assertThat(replies.sent).isEmpty();
    }

    @Test
    void a_vip_organization_tag_makes_the_requester_a_vip() {
        desk.tickets.put(35506L, new Ticket(35506, "s", "d", "new", null, null, List.of(), 7L, 900L,
                "2026-03-02T09:14:00Z", "web"));
        service = new ClassificationService(desk, new InMemoryPorts.Comments(), input -> analysis, vips, Rules::all, log, replies,
                new ReplyPolicy(0.6, Set.of("subscription_billing")), SpamAction.TAG, Set.of("enterprise"), "default",
                Clock.systemUTC());

        service.handle(new TicketEvent(35506, "e", "trigger", null, null, null, "web", List.of()));

        assertThat(desk.updates.get(0).groupId()).isEqualTo(Rules.VIP_GROUP);
        assertThat(replies.sent).isEmpty();
    }

    @Test
    void a_delivery_that_waited_too_long_is_tagged_for_people_in_the_catch_all_group_unclassified_and_done() {
        // when
        service.waitedTooLong(event("e-wait"), 96, Instant.parse("2026-03-01T09:14:00Z"));

        // then: tagged and moved to the default rule's group, no priority or status touched, nothing for auto-reply
        assertThat(desk.updates).singleElement().satisfies(u -> {
            assertThat(u.tags()).contains(ClassificationService.WAITING_TAG, "billing");
            assertThat(u.groupId()).isEqualTo(Rules.GENERAL_GROUP);
            assertThat(u.priority()).isNull();
        });
        assertThat(replies.sent).isEmpty();
        assertThat(log.decisions.get("35501/e-wait").reasons()).singleElement().asString()
                .isEqualTo("waiting: rate limited by Zendesk 96 times since 2026-03-01T09:14:00Z: handed to people "
                        + "unclassified, tag hearken_waiting_too_long, group of rule default");
        // and: a redelivery of that delivery is a duplicate
        assertThat(service.handle(event("e-wait"))).isEqualTo(ClassificationService.Outcome.DUPLICATE);
    }

    @Test
    void spam_is_tagged_not_routed_and_not_answered_and_with_close_it_is_solved() {
        analysis = analysis(Intent.OTHER, 0.9, Set.of(), true);
        service = new ClassificationService(desk, new InMemoryPorts.Comments(), input -> analysis, vips, Rules::all, log, replies,
                new ReplyPolicy(0.6, Set.of("dummy")), SpamAction.CLOSE, Set.of(), "default", Clock.systemUTC());

        service.handle(event("e-1"));

        assertThat(desk.updates).singleElement().satisfies(u -> {
            assertThat(u.tags()).contains(Router.SPAM_TAG);
            assertThat(u.groupId()).isNull();
            assertThat(u.status()).isEqualTo("solved");
        });
        assertThat(replies.sent).isEmpty();
    }

    private static TicketEvent event(String key) {
        return new TicketEvent(35501, key, "trigger", null, null, "English", "web_form", List.of());
    }

    static Analysis analysis(Intent intent, double confidence, Set<PrioritySignal> signals, boolean spam) {
        return new Analysis("en", null, 0.99, spam, spam ? 0.9 : 0.01, intent, confidence, null, 0.0, signals,
                Map.of(), List.of(), "test-model", false);
    }
}
