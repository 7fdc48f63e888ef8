package dev.hearken.autoreply.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearken.reply.InboundMail;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The e-mail rules of {@link Guardrails}: no answer to machines, lists, ourselves or what a person answered. */
class MailGuardrailsTest {

    private final Guardrails rails = new Guardrails(Guardrails.DEFAULT_BLOCKED_TAGS, Set.of(), Set.of("urgent"),
            Set.of("mail.hearken.example", "hearken.example"));

    private static InboundMail mail(String from, Map<String, String> headers, List<String> flags, String status,
            String humanRepliedAt) {
        return new InboundMail("m-1", from, "Ana", "Export", "<a@b.example>", null, "2026-03-02T09:00:00Z", "1001",
                "en", null, null, headers, flags, status, humanRepliedAt, null, 0);
    }

    private static InboundMail from(String address) {
        return mail(address, Map.of(), List.of(), "open", null);
    }

    private static InboundMail withHeader(String name, String value) {
        return mail("ana@example.com", Map.of(name, value), List.of(), "open", null);
    }

    @Test
    void a_person_writing_from_an_ordinary_address_may_be_answered() {
        assertThat(rails.check(from("ana.lima+support@example.com"))).isEmpty();
        assertThat(rails.check(withHeader("Auto-Submitted", "no"))).isEmpty();
        assertThat(rails.check(withHeader("Precedence", "first-class"))).isEmpty();
        assertThat(rails.check(withHeader("Return-Path", "<ana@example.com>"))).isEmpty();
    }

    @Test
    void mail_sent_by_a_machine_is_never_answered() {
        assertThat(rails.check(withHeader("Auto-Submitted", "auto-replied"))).contains("auto_submitted");
        assertThat(rails.check(withHeader("auto-submitted", "Auto-Generated; owner-email=x@example.com")))
                .contains("auto_submitted");
        assertThat(rails.check(withHeader("Precedence", "Bulk"))).contains("precedence:bulk");
        assertThat(rails.check(withHeader("Precedence", "junk"))).contains("precedence:junk");
        assertThat(rails.check(withHeader("Precedence", "list"))).contains("precedence:list");
        assertThat(rails.check(withHeader("List-Id", "<users.lists.example.com>"))).contains("mailing_list");
        assertThat(rails.check(withHeader("List-Unsubscribe", "<mailto:u@example.com>"))).contains("mailing_list");
        assertThat(rails.check(withHeader("X-Auto-Response-Suppress", "OOF, AutoReply"))).contains("auto_response_suppressed");
        assertThat(rails.check(withHeader("X-Auto-Response-Suppress", "All"))).contains("auto_response_suppressed");
        assertThat(rails.check(withHeader("Return-Path", "< >"))).contains("null_return_path");
    }

    @Test
    void robot_senders_are_never_answered() {
        for (String address : List.of("noreply@example.com", "no-reply@example.com", "NoReply-billing@example.com",
                "do-not-reply@example.com", "donotreply@example.com", "MAILER-DAEMON@example.com",
                "postmaster@example.com", "bounces+123@example.com")) {
            assertThat(rails.check(from(address))).as(address).contains("robot_sender");
        }
        assertThat(rails.check(from("noreplyfan@example.com"))).isEmpty(); // a person's name that starts like one
    }

    @Test
    void our_own_domains_and_their_subdomains_are_never_answered_so_two_responders_cannot_loop() {
        assertThat(rails.check(from("support@mail.hearken.example"))).contains("own_domain");
        assertThat(rails.check(from("ops@eu.hearken.example"))).contains("own_domain");
        assertThat(rails.check(from("ana@nothearken.example"))).isEmpty();
    }

    @Test
    void addresses_that_could_carry_a_header_injection_or_are_not_plain_are_left_to_a_person() {
        for (String address : new String[] {null, "", "ana", "ana@example.com\r\nBcc: x@evil.example",
                "\"ana\"@example.com", "Ana <ana@example.com>", "ana@localhost", "anä@example.com", "a@b@example.com"}) {
            assertThat(rails.check(from(address))).as(String.valueOf(address)).contains("unsendable_address");
        }
    }

    @Test
    void flagged_mail_and_mail_a_person_answered_are_not_answered_automatically() {
        assertThat(rails.check(mail("ana@example.com", Map.of(), List.of("VIP"), "open", null))).contains("blocked_tag:vip");
        assertThat(rails.check(mail("ana@example.com", Map.of(), List.of("privacy"), "open", null)))
                .contains("blocked_tag:privacy");
        assertThat(rails.check(mail("ana@example.com", Map.of(), List.of("legal_threat"), "open", null)))
                .contains("blocked_tag:legal_threat");
        assertThat(rails.check(mail("ana@example.com", Map.of(), List.of(), "answered", null))).contains("human_answered");
        assertThat(rails.check(mail("ana@example.com", Map.of(), List.of(), "open", "2026-03-02T09:30:00Z")))
                .contains("human_answered");
        assertThat(rails.check(mail("ana@example.com", Map.of(), List.of(), "closed", null))).contains("status:closed");
    }
}
