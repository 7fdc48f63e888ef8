package dev.hearken.autoreply.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hearken.autoreply.template.QuteRenderer;
import dev.hearken.integration.RateLimitedException;
import dev.hearken.reply.AutoReplyRequest;
import dev.hearken.reply.InboundMail;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link AutoReplyService} for e-mail: at most once on a channel without read-back. */
class MailReplyServiceTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:15:04Z");
    private static final String HUMAN_EN = HumanPath.sentence(ReplyChannel.Kind.TICKET, "en").orElseThrow();
    private static final String HUMAN_PT = HumanPath.sentence(ReplyChannel.Kind.TICKET, "pt").orElseThrow();

    private final InMemory.Catalogue catalogue = new InMemory.Catalogue()
            .add(ReplyTemplate.of("ticket:how_to", "en", "Hello {name}, see {articleLink}. Request {ticketId}.\n\n" + HUMAN_EN))
            .add(ReplyTemplate.of("ticket:how_to", "pt", "Olá {name}. Pedido {ticketId}.\n\n" + HUMAN_PT));
    private final InMemory.Ledger ledger = new InMemory.Ledger();
    private final InMemory.Caps caps = new InMemory.Caps();
    private final InMemory.Mail mail = new InMemory.Mail();
    private Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private Map<String, Integer> dailyCaps = Map.of("email", 100);

    private AutoReplyService service() {
        return new AutoReplyService(new ReplyComposer(catalogue, new QuteRenderer(), (e, u) -> Optional.empty()),
                ledger, caps, new InMemory.Desk(), List.of(), mail,
                new Guardrails(Guardrails.DEFAULT_BLOCKED_TAGS, Set.of(), Set.of(), Set.of("mail.hearken.example")),
                new ReplySettings(dailyCaps, "Acme", ArticleLinks.of("https://help.acme.test/a/1"), "pending", Set.of(),
                        Duration.ofSeconds(120)),
                clock);
    }

    private static InboundMail inbound(String id, String from, String subject, Map<String, String> headers) {
        return new InboundMail(id, from, "Ana <b>Lima</b>", subject, "<" + id + "@mail.example.com>", null,
                "2026-03-02T09:10:00Z", "700123", "en", null, "lumen", headers, List.of(), "open", null, null, 0);
    }

    private static AutoReplyRequest request(String id, String language, String locale) {
        return AutoReplyRequest.of("email", id, language, locale, "how_to", 0.9, NOW.toString(), "v1");
    }

    @Test
    void an_e_mail_gets_one_answer_in_its_language_threaded_as_re_subject_and_the_message_is_marked() {
        mail.put(inbound("m-1", "ana@example.com", "Exportar álbuns", Map.of()));

        ReplyOutcome outcome = service().handle(request("m-1", "pt", "pt-BR"));

        assertThat(outcome.status()).isEqualTo(ReplyOutcome.Status.SENT);
        assertThat(outcome.language()).isEqualTo("pt"); // pt-BR → pt
        assertThat(mail.sent).singleElement().satisfies(s -> {
            assertThat(s.to()).isEqualTo("ana@example.com");
            assertThat(s.reply().subject()).isEqualTo("Re: Exportar álbuns");
            assertThat(s.reply().body()).isEqualTo("Olá Ana b Lima b. Pedido 700123.\n\n" + HUMAN_PT); // markup made inert
            assertThat(s.reply().language()).isEqualTo("pt");
        });
        assertThat(mail.items.get("m-1").autoRepliedAt()).isEqualTo(NOW.toString());
        assertThat(ledger.entries.get("email:m-1").state()).isEqualTo(ReplyLedger.State.DONE);
        assertThat(caps.used).containsEntry("email#lumen#2026-03-02", 1);
    }

    @Test
    void without_an_original_subject_the_subject_is_localised() {
        mail.put(inbound("m-2", "ana@example.com", null, Map.of()));

        service().handle(request("m-2", "en", null));

        assertThat(mail.sent.get(0).reply().subject()).isEqualTo("Your message to us");
    }

    @Test
    void a_redelivered_request_sends_nothing_the_second_time() {
        mail.put(inbound("m-3", "ana@example.com", "Export", Map.of()));
        AutoReplyService service = service();

        service.handle(request("m-3", "en", null));
        ReplyOutcome again = service.handle(request("m-3", "en", null));

        assertThat(again.status()).isEqualTo(ReplyOutcome.Status.DUPLICATE);
        assertThat(mail.sent).hasSize(1);
    }

    @Test
    void a_crash_after_ses_accepted_the_message_is_never_resent_and_a_person_is_asked_to_look() {
        // given: SES accepted the message, then the function died before the mark and the record
        mail.put(inbound("m-4", "ana@example.com", "Export", Map.of()));
        mail.failAfterSend = new IllegalStateException("timeout");
        assertThatThrownBy(() -> service().handle(request("m-4", "en", null))).isInstanceOf(IllegalStateException.class);
        assertThat(ledger.entries.get("email:m-4").state()).isEqualTo(ReplyLedger.State.PENDING);

        // when: the message comes back after the claim's lease
        clock = Clock.fixed(NOW.plusSeconds(121), ZoneOffset.UTC);
        ReplyOutcome retry = service().handle(request("m-4", "en", null));

        // then: at most once — not sent again, recorded as unknown, flagged for a person
        assertThat(retry.status()).isEqualTo(ReplyOutcome.Status.UNKNOWN);
        assertThat(mail.sent).hasSize(1);
        assertThat(mail.flagged).containsEntry("m-4", "auto_reply_outcome_unknown");
        assertThat(ledger.entries.get("email:m-4").state()).isEqualTo(ReplyLedger.State.DONE);
    }

    @Test
    void an_e_mail_that_waited_past_the_bound_is_flagged_for_a_person_recorded_skipped_and_never_sent_later() {
        mail.put(inbound("m-6", "ana@example.com", "Export", Map.of()));
        AutoReplyService service = service();

        ReplyOutcome outcome = service.waitedTooLong(request("m-6", "en", null), 96, NOW.minusSeconds(90_000));
        ReplyOutcome later = service.handle(request("m-6", "en", null));

        assertThat(outcome).isEqualTo(ReplyOutcome.skipped(AutoReplyService.WAITED_TOO_LONG));
        assertThat(mail.flagged).containsEntry("m-6", "auto_reply_waited_too_long");
        assertThat(later.status()).isEqualTo(ReplyOutcome.Status.DUPLICATE);
        assertThat(mail.sent).isEmpty();
    }

    @Test
    void a_crash_after_the_mark_is_found_on_the_inbound_message_by_the_retry() {
        // given: sent and marked, but the outcome never recorded
        mail.put(InMemory.Mail.withAutoReplied(inbound("m-5", "ana@example.com", "Export", Map.of()), NOW.toString()));
        ledger.claim("email:m-5", NOW.minusSeconds(300));

        ReplyOutcome retry = service().handle(request("m-5", "en", null));

        assertThat(retry.status()).isEqualTo(ReplyOutcome.Status.DUPLICATE);
        assertThat(retry.reason()).isEqualTo("found_on_channel");
        assertThat(mail.sent).isEmpty();
        assertThat(mail.flagged).isEmpty();
    }

    @Test
    void a_failure_before_the_send_releases_the_claim_so_the_next_delivery_answers() {
        mail.put(inbound("m-6", "ana@example.com", "Export", Map.of()));
        mail.failRead = new IllegalStateException("dynamodb unavailable");

        assertThatThrownBy(() -> service().handle(request("m-6", "en", null))).isInstanceOf(IllegalStateException.class);
        assertThat(ledger.entries).doesNotContainKey("email:m-6");

        assertThat(service().handle(request("m-6", "en", null)).status()).isEqualTo(ReplyOutcome.Status.SENT);
        assertThat(mail.sent).hasSize(1);
    }

    @Test
    void a_throttled_send_is_retried_later_and_a_refused_one_is_rejected_both_without_keeping_the_claim() {
        mail.put(inbound("m-7", "ana@example.com", "Export", Map.of()));
        mail.failNextSend = new RateLimitedException("email", Duration.ofSeconds(1));
        assertThatThrownBy(() -> service().handle(request("m-7", "en", null))).isInstanceOf(RateLimitedException.class);
        assertThat(ledger.entries).doesNotContainKey("email:m-7");

        mail.failNextSend = new RejectedException("ses_messagerejected");
        assertThatThrownBy(() -> service().handle(request("m-7", "en", null)))
                .isInstanceOfSatisfying(RejectedException.class, e -> assertThat(e.reason()).isEqualTo("ses_messagerejected"));
        assertThat(ledger.entries).doesNotContainKey("email:m-7");
        assertThat(mail.sent).isEmpty();
    }

    @Test
    void a_failed_mark_still_records_the_sent_reply() {
        mail.put(inbound("m-8", "ana@example.com", "Export", Map.of()));
        mail.failMark = new IllegalStateException("dynamodb unavailable");

        ReplyOutcome outcome = service().handle(request("m-8", "en", null));

        assertThat(outcome.status()).isEqualTo(ReplyOutcome.Status.SENT);
        assertThat(outcome.reason()).isEqualTo("inbound_not_marked");
        assertThat(ledger.entries.get("email:m-8").state()).isEqualTo(ReplyLedger.State.DONE);
    }

    @Test
    void auto_submitted_mail_and_our_own_mail_are_skipped_without_sending() {
        mail.put(inbound("m-9", "ana@example.com", "Out of office", Map.of("auto-submitted", "auto-replied")))
                .put(inbound("m-10", "support@mail.hearken.example", "Re: Export", Map.of()));

        assertThat(service().handle(request("m-9", "en", null)).reason()).isEqualTo("auto_submitted");
        assertThat(service().handle(request("m-10", "en", null)).reason()).isEqualTo("own_domain");
        assertThat(mail.sent).isEmpty();
    }

    @Test
    void an_unknown_message_or_one_without_a_case_number_cannot_succeed() {
        mail.put(new InboundMail("m-11", "ana@example.com", null, "Export", null, null, "2026-03-02T09:10:00Z", null,
                "en", null, null, Map.of(), List.of(), "open", null, null, 0));

        assertThatThrownBy(() -> service().handle(request("no-such-message", "en", null)))
                .isInstanceOfSatisfying(RejectedException.class, e -> assertThat(e.reason()).isEqualTo("email_unknown_message"));
        assertThatThrownBy(() -> service().handle(request("m-11", "en", null)))
                .isInstanceOfSatisfying(RejectedException.class, e -> assertThat(e.reason()).isEqualTo("email_item_incomplete"));
        assertThat(mail.sent).isEmpty();
    }

    @Test
    void a_spent_daily_cap_means_later_and_nothing_is_sent() {
        dailyCaps = Map.of("email", 0);
        mail.put(inbound("m-12", "ana@example.com", "Export", Map.of()));

        assertThatThrownBy(() -> service().handle(request("m-12", "en", null)))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> assertThat(e.service()).isEqualTo("email_daily_cap"));
        assertThat(mail.sent).isEmpty();
    }

    @Test
    void without_an_e_mail_channel_an_email_request_is_rejected() {
        AutoReplyService noMail = new AutoReplyService(
                new ReplyComposer(catalogue, new QuteRenderer(), (e, u) -> Optional.empty()), ledger, caps,
                new InMemory.Desk(), List.of(), new Guardrails(Set.of(), Set.of(), Set.of()),
                new ReplySettings(dailyCaps, "Acme", ArticleLinks.of("x"), "pending", Set.of(), Duration.ofSeconds(120)), clock);

        assertThatThrownBy(() -> noMail.handle(request("m-13", "en", null)))
                .isInstanceOfSatisfying(RejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo("channel_not_configured:email"));
    }
}
