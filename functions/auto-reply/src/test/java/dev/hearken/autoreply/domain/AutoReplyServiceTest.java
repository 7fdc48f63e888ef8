package dev.hearken.autoreply.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hearken.autoreply.template.QuteRenderer;
import dev.hearken.integration.RateLimitedException;
import dev.hearken.reply.AutoReplyRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AutoReplyServiceTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:15:04Z");
    private static final String HUMAN_EN = HumanPath.sentence(ReplyChannel.Kind.TICKET, "en").orElseThrow();

    private final InMemory.Catalogue catalogue = new InMemory.Catalogue()
            .add(ReplyTemplate.of("ticket:how_to", "en", "Hello {name}, see {articleLink}. Ticket {ticketId}.\n\n" + HUMAN_EN))
            .add(ReplyTemplate.of("ticket:how_to", "pt", "Olá {name}.\n\n"
                    + HumanPath.sentence(ReplyChannel.Kind.TICKET, "pt").orElseThrow()))
            .add(new ReplyTemplate("ticket:dummy", "en", "Formal.\n\n" + HUMAN_EN, "reply-template-tone",
                    Map.of("friendly", "Friendly!\n\n" + HUMAN_EN)))
            .add(ReplyTemplate.of("review:low", "en", "Sorry. " + HumanPath.sentence(ReplyChannel.Kind.REVIEW, "en").orElseThrow()))
            .add(ReplyTemplate.of("review:review_bug_apology", "en", "Please update. "
                    + HumanPath.sentence(ReplyChannel.Kind.REVIEW, "en").orElseThrow()));
    private final InMemory.Ledger ledger = new InMemory.Ledger();
    private final InMemory.Caps caps = new InMemory.Caps();
    private final InMemory.Desk desk = new InMemory.Desk();
    private final InMemory.Reviews play = new InMemory.Reviews(ReplyChannel.GOOGLE_PLAY);
    private Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private Map<String, Integer> dailyCaps = Map.of("googleplay", 2000);

    private AutoReplyService service() {
        VariantPicker picker = (experiment, unit) -> unit.endsWith("7") ? Optional.of("friendly") : Optional.empty();
        return new AutoReplyService(new ReplyComposer(catalogue, new QuteRenderer(), picker), ledger, caps, desk,
                List.of(play), new Guardrails(Guardrails.DEFAULT_BLOCKED_TAGS, Set.of(42L), Set.of("urgent", "high")),
                new ReplySettings(dailyCaps, "Acme", ArticleLinks.of("https://help.acme.test/a/1"), "pending", Set.of("auto_replied"),
                        Duration.ofSeconds(120)),
                clock);
    }

    private static TicketView ticket(long id, String priority, Set<String> tags, boolean answered) {
        return new TicketView(id, "open", priority, 7L, tags, "Ana", "2026-03-02T09:00:00Z", answered);
    }

    private static AutoReplyRequest request(String itemId, String intent, String language, String locale) {
        return AutoReplyRequest.of("zendesk", itemId, language, locale, intent, 0.9, NOW.toString(), "v1");
    }

    @Test
    void an_eligible_ticket_gets_one_public_reply_with_the_marker_tag_and_pending_status() {
        desk.put(ticket(35501, "normal", Set.of("ios"), false));

        ReplyOutcome outcome = service().handle(request("35501", "how_to", "en", null));

        assertThat(outcome.status()).isEqualTo(ReplyOutcome.Status.SENT);
        assertThat(desk.posted).containsExactly(
                "Hello Ana, see https://help.acme.test/a/1. Ticket 35501.\n\n" + HUMAN_EN);
        assertThat(desk.tickets.get(35501L).tags()).contains("ios", "auto_replied", ReplySettings.REPLIED_TAG);
        assertThat(desk.tickets.get(35501L).status()).isEqualTo("pending");
        assertThat(ledger.entries.get("zendesk:35501").state()).isEqualTo(ReplyLedger.State.DONE);
    }

    @Test
    void a_redelivered_request_sends_nothing_the_second_time() {
        desk.put(ticket(35501, "normal", Set.of(), false));
        AutoReplyService service = service();

        service.handle(request("35501", "how_to", "en", null));
        ReplyOutcome again = service.handle(request("35501", "how_to", "en", null));

        assertThat(again.status()).isEqualTo(ReplyOutcome.Status.DUPLICATE);
        assertThat(desk.posted).hasSize(1);
    }

    @Test
    void a_crash_between_sending_and_recording_does_not_produce_a_second_reply() {
        // given: the update reached Zendesk but the function died before recording the outcome
        desk.put(ticket(35502, "normal", Set.of(), false));
        desk.failAfterReply = new IllegalStateException("timeout");
        assertThatThrownBy(() -> service().handle(request("35502", "how_to", "en", null)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(ledger.entries.get("zendesk:35502").state()).isEqualTo(ReplyLedger.State.PENDING);

        // when: the message comes back after the claim's lease
        clock = Clock.fixed(NOW.plusSeconds(121), ZoneOffset.UTC);
        ReplyOutcome retry = service().handle(request("35502", "how_to", "en", null));

        // then: the read-back finds our tag, nothing is sent again
        assertThat(retry.status()).isEqualTo(ReplyOutcome.Status.DUPLICATE);
        assertThat(retry.reason()).isEqualTo("found_on_channel");
        assertThat(desk.posted).hasSize(1);
    }

    @Test
    void a_second_delivery_while_the_first_attempt_may_still_run_backs_off() {
        desk.put(ticket(35503, "normal", Set.of(), false));
        ledger.claim("zendesk:35503", NOW.minusSeconds(10));

        assertThatThrownBy(() -> service().handle(request("35503", "how_to", "en", null)))
                .isInstanceOfSatisfying(RateLimitedException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(110)));
        assertThat(desk.posted).isEmpty();
    }

    @Test
    void priority_vip_privacy_and_legal_tickets_are_never_answered() {
        desk.put(ticket(1, "urgent", Set.of(), false))
                .put(ticket(2, "normal", Set.of("VIP"), false))
                .put(ticket(3, "normal", Set.of("privacy"), false))
                .put(ticket(4, "normal", Set.of("legal"), false))
                .put(new TicketView(5, "open", "normal", 42L, Set.of(), "Ana", "t", false));

        List<String> reasons = List.of("1", "2", "3", "4", "5").stream()
                .map(id -> service().handle(request(id, "how_to", "en", null)).reason()).toList();

        assertThat(reasons).containsExactly("priority:urgent", "blocked_tag:vip", "blocked_tag:privacy",
                "blocked_tag:legal", "blocked_group");
        assertThat(desk.posted).isEmpty();
        assertThat(ledger.entries.get("zendesk:2").outcome().status()).isEqualTo(ReplyOutcome.Status.SKIPPED);
    }

    @Test
    void a_pending_reply_for_a_ticket_a_follow_up_re_routed_to_people_is_skipped_for_its_priority_tag() {
        // given: ticket-classify handed 35508 over as a how-to question, then the requester's follow-up
        // asked for the deletion of their data and ticket-classify re-routed it before this request ran
        desk.put(reRoutedForPrivacy(35508));

        ReplyOutcome outcome = service().handle(request("35508", "how_to", "en", null));

        assertThat(outcome.status()).isEqualTo(ReplyOutcome.Status.SKIPPED);
        assertThat(outcome.reason()).isIn("blocked_tag:hearken_priority", "blocked_tag:hearken_privacy");
        assertThat(desk.posted).isEmpty();
        assertThat(ledger.entries.get("zendesk:35508").outcome().status()).isEqualTo(ReplyOutcome.Status.SKIPPED);
    }

    @Test
    void a_re_route_that_lands_between_reading_the_ticket_and_replying_is_caught_by_the_safe_update() {
        // given: eligible when read; the re-route makes our safe update a 409
        desk.put(ticket(35509, "normal", new LinkedHashSet<>(List.of("how_to", "web_form")), false));
        desk.conflicts = 1;
        desk.changedOnConflict = reRoutedForPrivacy(35509);

        ReplyOutcome outcome = service().handle(request("35509", "how_to", "en", null));

        // then: re-read, re-checked, skipped
        assertThat(outcome.status()).isEqualTo(ReplyOutcome.Status.SKIPPED);
        assertThat(outcome.reason()).isIn("blocked_tag:hearken_priority", "blocked_tag:hearken_privacy");
        assertThat(desk.posted).isEmpty();
    }

    @Test
    void every_flag_tag_ticket_classify_writes_blocks_a_reply_on_its_own() {
        List<String> flagTags = List.of("hearken_priority", "hearken_privacy", "hearken_legal", "hearken_payment",
                "hearken_vip");
        List<String> reasons = new java.util.ArrayList<>();
        for (int i = 0; i < flagTags.size(); i++) {
            desk.put(ticket(35610 + i, "normal", Set.of(flagTags.get(i)), false));
            reasons.add(service().handle(request(Long.toString(35610 + i), "how_to", "en", null)).reason());
        }

        assertThat(reasons).containsExactly("blocked_tag:hearken_priority", "blocked_tag:hearken_privacy",
                "blocked_tag:hearken_legal", "blocked_tag:hearken_payment", "blocked_tag:hearken_vip");
        assertThat(desk.posted).isEmpty();
    }

    /** A ticket as ticket-classify leaves it after a privacy follow-up (tags in Zendesk's alphabetical order). */
    private static TicketView reRoutedForPrivacy(long id) {
        return new TicketView(id, "open", "high", 360000000101L, new LinkedHashSet<>(List.of("hearken_classified",
                "hearken_intent_how_to", "hearken_intent_privacy_request", "hearken_priority", "hearken_privacy",
                "how_to", "privacy_request", "web_form")), "Ana", "2026-03-02T10:20:06Z", false);
    }

    @Test
    void a_ticket_an_agent_already_answered_gets_no_reply() {
        desk.put(ticket(35504, "normal", Set.of(), true));

        ReplyOutcome outcome = service().handle(request("35504", "how_to", "en", null));

        assertThat(outcome.reason()).isEqualTo("agent_answered");
        assertThat(desk.posted).isEmpty();
    }

    @Test
    void a_rate_limited_reply_fails_with_retry_after_and_frees_the_claim_for_the_next_attempt() {
        desk.put(ticket(35505, "normal", Set.of(), false));
        desk.failNextReply = new RateLimitedException("zendesk", Duration.ofSeconds(7));

        assertThatThrownBy(() -> service().handle(request("35505", "how_to", "en", null)))
                .isInstanceOfSatisfying(RateLimitedException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7)));
        assertThat(ledger.entries).doesNotContainKey("zendesk:35505");

        assertThat(service().handle(request("35505", "how_to", "en", null)).status())
                .isEqualTo(ReplyOutcome.Status.SENT);
        assertThat(desk.posted).hasSize(1);
    }

    @Test
    void a_concurrent_agent_edit_is_re_read_and_re_checked_before_replying() {
        desk.put(ticket(35506, "normal", Set.of(), false));
        desk.conflicts = 1;

        assertThat(service().handle(request("35506", "how_to", "en", null)).status())
                .isEqualTo(ReplyOutcome.Status.SENT);
        assertThat(desk.posted).hasSize(1);
    }

    @Test
    void brazilian_portuguese_falls_back_to_portuguese_before_english() {
        desk.put(ticket(35507, "normal", Set.of(), false));

        ReplyOutcome outcome = service().handle(request("35507", "how_to", "pt", "pt-BR"));

        assertThat(outcome.language()).isEqualTo("pt");
        assertThat(desk.posted.get(0)).startsWith("Olá Ana.");
    }

    @Test
    void a_language_without_templates_falls_back_to_english() {
        desk.put(ticket(35509, "normal", Set.of(), false));

        assertThat(service().handle(request("35509", "how_to", "ko", "ko-KR")).language()).isEqualTo("en");
    }

    @Test
    void an_intent_without_a_template_is_skipped_not_failed() {
        desk.put(ticket(35510, "normal", Set.of(), false));

        assertThat(service().handle(request("35510", "refund", "en", null)).reason()).isEqualTo("no_template");
    }

    @Test
    void the_experiment_variant_chosen_is_recorded_with_the_reply() {
        desk.put(ticket(35517, "normal", Set.of(), false)).put(ticket(35518, "normal", Set.of(), false));

        ReplyOutcome inVariant = service().handle(request("35517", "dummy", "en", null));
        ReplyOutcome control = service().handle(request("35518", "dummy", "en", null));

        assertThat(inVariant.experimentKey()).isEqualTo("reply-template-tone");
        assertThat(inVariant.variant()).isEqualTo("friendly");
        assertThat(desk.posted.get(0)).startsWith("Friendly!");
        assertThat(control.variant()).isNull();
        assertThat(desk.posted.get(1)).startsWith("Formal.");
        assertThat(ledger.entries.get("zendesk:35517").outcome().variant()).isEqualTo("friendly");
    }

    @Test
    void a_play_review_gets_the_topic_template_and_a_human_answered_review_gets_nothing() {
        play.put("com.acme/gp:1", new ReviewView("com.acme", "gp:1", 1, "Jo", false))
                .put("com.acme/gp:2", new ReviewView("com.acme", "gp:2", 2, "Jo", true));

        ReplyOutcome first = service().handle(AutoReplyRequest.of("googleplay", "com.acme/gp:1", "en", null,
                "review_bug_apology", 0.9, NOW.toString(), "v1"));
        ReplyOutcome second = service().handle(AutoReplyRequest.of("googleplay", "com.acme/gp:2", "en", null,
                "review_bug_apology", 0.9, NOW.toString(), "v1"));

        assertThat(first.templateKey()).isEqualTo("review:review_bug_apology");
        assertThat(play.posted).hasSize(1);
        assertThat(second.reason()).isEqualTo("already_answered");
    }

    @Test
    void the_daily_cap_per_app_stops_replies_until_the_next_utc_day() {
        dailyCaps = Map.of("googleplay", 1);
        play.put("com.acme/gp:1", new ReviewView("com.acme", "gp:1", 1, null, false))
                .put("com.acme/gp:2", new ReviewView("com.acme", "gp:2", 1, null, false));
        service().handle(AutoReplyRequest.of("googleplay", "com.acme/gp:1", "en", null, "other", 0.9, NOW.toString(), "v1"));

        assertThatThrownBy(() -> service().handle(AutoReplyRequest.of("googleplay", "com.acme/gp:2", "en", null,
                "other", 0.9, NOW.toString(), "v1")))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> assertThat(e.retryAfter())
                        .isEqualTo(Duration.between(NOW, Instant.parse("2026-03-03T00:00:00Z"))));
        assertThat(play.posted).hasSize(1);
        assertThat(ledger.entries).doesNotContainKey("googleplay:com.acme/gp:2");
    }

    @Test
    void an_unknown_source_or_version_is_rejected() {
        assertThatThrownBy(() -> service().handle(AutoReplyRequest.of("fax", "1", "en", null, "x", 0.9, "t", "v")))
                .isInstanceOf(RejectedException.class);
        assertThatThrownBy(() -> service().handle(new AutoReplyRequest(2, "zendesk:1", "zendesk", "1", "en", null,
                "x", 0.9, "t", "v"))).isInstanceOf(RejectedException.class);
    }
}
