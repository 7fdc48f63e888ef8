package dev.hearken.ticket.domain;

import static dev.hearken.ticket.domain.ClassificationServiceTest.analysis;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hearken.understanding.Analysis;
import dev.hearken.understanding.Input;
import dev.hearken.understanding.Intent;
import dev.hearken.understanding.PrioritySignal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Follow-ups ({@code zen:event-type:ticket.comment_added}) with the in-memory ports: what an
 * end-user's comment changes, what an agent's or Hearken's own comment does not.
 */
class FollowUpTest {

    private static final long TICKET = 35507;
    private static final long REQUESTER = 9100000000117L;
    private static final long AGENT = 9100000000999L;
    private static final long HEARKEN = 9100000000001L;
    private static final String DESCRIPTION = "Hello, how do I export a single photo album to my computer?";
    /** "Please delete my account and all my personal data" in Korean. */
    private static final String KOREAN_PRIVACY = "계정과 개인정보를 모두 삭제해 주세요";

    private final InMemoryPorts.Desk desk = new InMemoryPorts.Desk();
    private final InMemoryPorts.Comments comments = new InMemoryPorts.Comments();
    private final InMemoryPorts.Vips vips = new InMemoryPorts.Vips();
    private final InMemoryPorts.Log log = new InMemoryPorts.Log();
    private final InMemoryPorts.Replies replies = new InMemoryPorts.Replies();
    /** What the analyzer answers per text (the understanding library is pinned: these tests are about routing). */
    private final Map<String, Analysis> analyses = new HashMap<>();
    private final List<Input> analysed = new ArrayList<>();
    private ClassificationService service;

    @BeforeEach
    void setUp() {
        desk.tickets.put(TICKET, new Ticket(TICKET, "How do I export a single album?", DESCRIPTION, "open", null,
                null, List.of("web_form"), REQUESTER, null, "2026-03-02T10:10:00Z", "web"));
        comments.add(TICKET, new TicketComment(1, REQUESTER, DESCRIPTION, true), CommentAuthor.END_USER);
        analyses.put(DESCRIPTION, analysis(Intent.HOW_TO, 0.92, Set.of(), false));
        service = new ClassificationService(desk, comments, input -> {
            analysed.add(input);
            return analyses.getOrDefault(input.text(), analysis(Intent.OTHER, 0.4, Set.of(), false));
        }, vips, Rules::all, log, replies, new ReplyPolicy(0.6, Set.of("dummy", "subscription_billing", "how_to")),
                SpamAction.TAG, Set.of("vip"), "default", Clock.fixed(Instant.parse("2026-03-02T10:20:05Z"), ZoneOffset.UTC));
    }

    @Test
    void a_korean_privacy_follow_up_on_a_how_to_ticket_handed_to_auto_reply_re_routes_it_to_the_privacy_team() {
        // given: the new ticket was routed to how-to and handed to auto-reply
        service.handle(created());
        assertThat(ticket().groupId()).isEqualTo(Rules.HOW_TO_GROUP);
        assertThat(replies.sent).hasSize(1);
        // and then the requester wrote, in Korean, that their data must be deleted
        follow(2, REQUESTER, KOREAN_PRIVACY, CommentAuthor.END_USER,
                analysis(Intent.PRIVACY_REQUEST, 0.9, Set.of(PrioritySignal.PRIVACY), false));

        // when
        ClassificationService.Outcome outcome = service.handle(commentAdded("evt-2", 2L));

        // then: the comment alone was read, and the ticket now belongs to people
        assertThat(outcome).isEqualTo(ClassificationService.Outcome.REROUTED);
        assertThat(analysed).last().satisfies(input -> {
            assertThat(input.text()).isEqualTo(KOREAN_PRIVACY);
            assertThat(input.subject()).isNull();
        });
        Ticket ticket = ticket();
        assertThat(ticket.groupId()).isEqualTo(Rules.PRIVACY_GROUP);
        assertThat(ticket.priority()).isEqualTo("high");
        // hearken_priority is the tag auto-reply's guardrail skips on: the pending reply is not sent
        assertThat(ticket.tags()).contains(Router.PRIORITY_TAG, "hearken_privacy", "privacy_request",
                "how_to", "web_form", "hearken_intent_how_to");
        assertThat(replies.sent).as("no second auto-reply request").hasSize(1);
        Decision decision = log.decisions.get(TICKET + "/evt-2");
        assertThat(decision.flags()).containsExactly(Flag.PRIVACY);
        assertThat(decision.route().groupId()).isEqualTo(Rules.PRIVACY_GROUP);
        assertThat(decision.autoReply()).isFalse();
        assertThat(decision.replyReason()).contains("pending automatic reply is cancelled");
        assertThat(decision.reasons()).contains("follow-up: comment 2 by user " + REQUESTER + " (public)")
                .anyMatch(r -> r.startsWith("follow-up: raised [privacy], flags now [privacy]: group " + Rules.PRIVACY_GROUP));
        assertThat(log.stage(TICKET, "evt-2")).isEqualTo(DecisionLog.Stage.DONE);
    }

    @Test
    void an_agents_comment_is_ignored_with_its_reason_and_not_even_analysed() {
        service.handle(created());
        int analysedBefore = analysed.size();
        follow(2, AGENT, "Please delete my account and all my personal data under GDPR.", CommentAuthor.AGENT,
                analysis(Intent.PRIVACY_REQUEST, 0.9, Set.of(PrioritySignal.PRIVACY), false));

        ClassificationService.Outcome outcome = service.handle(commentAdded("evt-agent", 2L));

        assertThat(outcome).isEqualTo(ClassificationService.Outcome.IGNORED);
        assertThat(analysed).hasSize(analysedBefore);
        assertThat(desk.updates).hasSize(1); // the creation's routing only
        assertThat(ticket().groupId()).isEqualTo(Rules.HOW_TO_GROUP);
        assertThat(log.decisions.get(TICKET + "/evt-agent").reasons())
                .anyMatch(r -> r.contains("ignored, written by an agent"));
        assertThat(log.stage(TICKET, "evt-agent")).isEqualTo(DecisionLog.Stage.DONE);
    }

    @Test
    void hearkens_own_comment_is_ignored_so_it_never_routes_on_its_own_words() {
        follow(2, HEARKEN, "Hello! To delete your data, open Settings. Reply and a person will answer.",
                CommentAuthor.HEARKEN, analysis(Intent.PRIVACY_REQUEST, 0.9, Set.of(PrioritySignal.PRIVACY), false));

        assertThat(service.handle(commentAdded("evt-hearken", 2L))).isEqualTo(ClassificationService.Outcome.IGNORED);

        assertThat(desk.updates).isEmpty();
        assertThat(log.decisions.get(TICKET + "/evt-hearken").reasons())
                .anyMatch(r -> r.contains("ignored, written by Hearken itself"));
    }

    @Test
    void a_follow_up_without_a_priority_signal_changes_nothing_and_says_so() {
        service.handle(created());
        follow(2, REQUESTER, "Thanks, found it!", CommentAuthor.END_USER, analysis(Intent.PRAISE, 0.8, Set.of(), false));

        assertThat(service.handle(commentAdded("evt-thanks", 2L))).isEqualTo(ClassificationService.Outcome.UNCHANGED);

        assertThat(desk.updates).hasSize(1);
        assertThat(ticket().groupId()).isEqualTo(Rules.HOW_TO_GROUP);
        assertThat(replies.sent).hasSize(1);
        Decision decision = log.decisions.get(TICKET + "/evt-thanks");
        assertThat(decision.reasons()).contains("follow-up: no priority signal: routing unchanged");
        assertThat(decision.route().groupId()).isNull();
        assertThat(log.stage(TICKET, "evt-thanks")).isEqualTo(DecisionLog.Stage.DONE);
    }

    @Test
    void the_same_comment_delivery_twice_updates_the_ticket_once() {
        follow(2, REQUESTER, KOREAN_PRIVACY, CommentAuthor.END_USER,
                analysis(Intent.PRIVACY_REQUEST, 0.9, Set.of(PrioritySignal.PRIVACY), false));

        service.handle(commentAdded("evt-2", 2L));
        ClassificationService.Outcome again = service.handle(commentAdded("evt-2", 2L));

        assertThat(again).isEqualTo(ClassificationService.Outcome.DUPLICATE);
        assertThat(desk.updates).hasSize(1);
    }

    @Test
    void a_second_delivery_of_a_flag_already_on_the_ticket_changes_nothing() {
        follow(2, REQUESTER, KOREAN_PRIVACY, CommentAuthor.END_USER,
                analysis(Intent.PRIVACY_REQUEST, 0.9, Set.of(PrioritySignal.PRIVACY), false));
        service.handle(commentAdded("evt-2", 2L));
        follow(3, REQUESTER, "Again: delete my data!", CommentAuthor.END_USER,
                analysis(Intent.PRIVACY_REQUEST, 0.9, Set.of(PrioritySignal.PRIVACY), false));

        assertThat(service.handle(commentAdded("evt-3", 3L))).isEqualTo(ClassificationService.Outcome.UNCHANGED);

        assertThat(desk.updates).hasSize(1);
        assertThat(log.decisions.get(TICKET + "/evt-3").reasons())
                .contains("follow-up: [privacy] already on the ticket: routing unchanged");
    }

    @Test
    void flags_add_up_and_a_follow_up_never_lowers_anything_nor_moves_a_ticket_already_routed_for_its_first_flag() {
        // given: routed for privacy earlier (high), then an agent moved it to their own group
        desk.tickets.put(TICKET, new Ticket(TICKET, "s", DESCRIPTION, "open", "high", 777L,
                List.of("hearken_priority", "hearken_privacy", "privacy_request"), REQUESTER, null,
                "2026-03-02T10:15:00Z", "web"));
        follow(2, REQUESTER, "My lawyer will contact you.", CommentAuthor.END_USER,
                analysis(Intent.LEGAL, 0.9, Set.of(PrioritySignal.LEGAL), false));

        assertThat(service.handle(commentAdded("evt-legal", 2L))).isEqualTo(ClassificationService.Outcome.REROUTED);

        Ticket ticket = ticket();
        assertThat(ticket.groupId()).as("privacy decides the group and was routed already: the agent's group stands")
                .isEqualTo(777L);
        assertThat(ticket.priority()).as("raised by the legal rule").isEqualTo("urgent");
        assertThat(ticket.tags()).contains("hearken_privacy", "hearken_legal", "legal", "privacy_request",
                Router.PRIORITY_TAG);
        assertThat(log.decisions.get(TICKET + "/evt-legal").flags()).containsExactlyInAnyOrder(Flag.PRIVACY, Flag.LEGAL);
    }

    @Test
    void a_follow_up_with_a_flag_that_outranks_the_recorded_ones_moves_the_ticket_to_its_team() {
        desk.tickets.put(TICKET, new Ticket(TICKET, "s", DESCRIPTION, "open", "high", Rules.PAYMENT_GROUP,
                List.of("hearken_priority", "hearken_payment", "payment_problem"), REQUESTER, null,
                "2026-03-02T10:15:00Z", "web"));
        follow(2, REQUESTER, KOREAN_PRIVACY, CommentAuthor.END_USER,
                analysis(Intent.PRIVACY_REQUEST, 0.9, Set.of(PrioritySignal.PRIVACY), false));

        service.handle(commentAdded("evt-2", 2L));

        assertThat(ticket().groupId()).isEqualTo(Rules.PRIVACY_GROUP);
        assertThat(ticket().tags()).contains("hearken_payment", "hearken_privacy");
    }

    @Test
    void a_plain_follow_up_from_a_requester_who_is_vip_now_goes_to_the_vip_team() {
        service.handle(created());
        vips.users.add(REQUESTER);
        follow(2, REQUESTER, "Any news?", CommentAuthor.END_USER, analysis(Intent.OTHER, 0.5, Set.of(), false));

        assertThat(service.handle(commentAdded("evt-vip", 2L))).isEqualTo(ClassificationService.Outcome.REROUTED);

        assertThat(ticket().groupId()).isEqualTo(Rules.VIP_GROUP);
        assertThat(ticket().tags()).contains("hearken_vip", Router.PRIORITY_TAG);
    }

    @Test
    void a_follow_up_handled_before_its_tickets_creation_event_is_not_undone_by_it() {
        // SQS does not keep order: the requester's privacy follow-up is handled first
        follow(2, REQUESTER, KOREAN_PRIVACY, CommentAuthor.END_USER,
                analysis(Intent.PRIVACY_REQUEST, 0.9, Set.of(PrioritySignal.PRIVACY), false));
        service.handle(commentAdded("evt-2", 2L));

        service.handle(created());

        assertThat(ticket().groupId()).isEqualTo(Rules.PRIVACY_GROUP);
        assertThat(replies.sent).as("the description alone would have been eligible").isEmpty();
        assertThat(log.decisions.get(TICKET + "/evt-created").flags()).containsExactly(Flag.PRIVACY);
    }

    @Test
    void a_comment_of_unknown_authorship_is_analysed_to_be_safe() {
        follow(2, 42L, KOREAN_PRIVACY, CommentAuthor.UNKNOWN,
                analysis(Intent.PRIVACY_REQUEST, 0.9, Set.of(PrioritySignal.PRIVACY), false));

        assertThat(service.handle(commentAdded("evt-2", 2L))).isEqualTo(ClassificationService.Outcome.REROUTED);
        assertThat(ticket().groupId()).isEqualTo(Rules.PRIVACY_GROUP);
    }

    @Test
    void an_event_that_names_no_comment_means_the_newest_one() {
        follow(2, REQUESTER, KOREAN_PRIVACY, CommentAuthor.END_USER,
                analysis(Intent.PRIVACY_REQUEST, 0.9, Set.of(PrioritySignal.PRIVACY), false));

        service.handle(commentAdded("evt-2", null));

        assertThat(ticket().groupId()).isEqualTo(Rules.PRIVACY_GROUP);
    }

    @Test
    void a_comment_zendesk_does_not_list_fails_the_delivery_so_it_is_retried_and_then_dead_lettered() {
        assertThatThrownBy(() -> service.handle(commentAdded("evt-9", 9L)))
                .isInstanceOf(CommentNotFoundException.class)
                .hasMessage("comment 9 is not among the newest comments of ticket " + TICKET);
        assertThat(log.stage(TICKET, "evt-9")).isEqualTo(DecisionLog.Stage.NONE);
        assertThat(desk.updates).isEmpty();
    }

    private void follow(long commentId, long authorId, String body, CommentAuthor author, Analysis analysis) {
        comments.add(TICKET, new TicketComment(commentId, authorId, body, true), author);
        analyses.put(body, analysis);
    }

    private Ticket ticket() {
        return desk.tickets.get(TICKET);
    }

    private static TicketEvent created() {
        return new TicketEvent(TICKET, "evt-created", "zen:event-type:ticket.created", null, null, null, "web", List.of());
    }

    private static TicketEvent commentAdded(String eventId, Long commentId) {
        return new TicketEvent(TICKET, eventId, TicketEvent.COMMENT_ADDED, null, null, null, "web", List.of(), commentId);
    }
}
