package dev.hearken.autoreply.function;

import static dev.hearken.autoreply.function.Invocations.deadLetter;
import static dev.hearken.autoreply.function.Invocations.invoke;
import static dev.hearken.autoreply.function.Invocations.item;
import static dev.hearken.autoreply.function.Invocations.ledger;
import static dev.hearken.autoreply.function.Invocations.request;
import static dev.hearken.autoreply.function.Invocations.sqsEvent;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.autoreply.AutoReplyResource;
import dev.hearken.autoreply.domain.ReplyChannel;
import dev.hearken.autoreply.domain.HumanPath;
import dev.hearken.testing.Events;
import dev.hearken.testing.aws.Emulator;
import dev.hearken.testing.aws.SentMail;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The e-mail channel end to end inside Quarkus: {@code events/auto-reply/sqs-email-*} posted to the
 * Lambda mock event server, the inbound messages seeded from {@code infra/seed/tables/inbound-mail.json},
 * SES in moto (what it accepted read back through {@link SentMail}).
 */
@QuarkusTest
@QuarkusTestResource(value = AutoReplyResource.class, restrictToAnnotatedClass = false)
class MailReplyFunctionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void each_sender_gets_one_answer_in_their_language_threaded_under_their_message_however_often_it_is_delivered() {
        String event = Events.load("auto-reply", "sqs-email-ok");

        JsonPath first = invoke(event);
        JsonPath second = invoke(event);

        assertThat(first.getList("batchItemFailures")).isEmpty();
        assertThat(second.getList("batchItemFailures")).isEmpty();
        SentMail.Mail lucia = single("lucia.fernandez@example.com");
        assertThat(decodeWords(lucia.header("Subject"))).isEqualTo("Re: ¿Cómo exporto mis álbumes?");
        assertThat(lucia.header("From")).isEqualTo("\"Hearken Support\" <support@mail.hearken.example>");
        assertThat(lucia.header("Reply-To")).isEqualTo("support@mail.hearken.example");
        assertThat(lucia.header("In-Reply-To")).isEqualTo("<CAHk-es-export-001@mail.example.com>");
        assertThat(lucia.header("References")).isEqualTo("<CAHk-es-export-001@mail.example.com>");
        assertThat(lucia.header("Auto-Submitted")).isEqualTo("auto-replied");
        assertThat(lucia.header("Content-Language")).isEqualTo("es");
        assertThat(body(lucia)).startsWith("Hola, Lucía Fernández:").contains("700101")
                .endsWith(HumanPath.sentence(ReplyChannel.Kind.TICKET, "es").orElseThrow());
        SentMail.Mail jonas = single("jonas.keller@example.com");
        assertThat(jonas.header("Subject")).isEqualTo("AW: Abbuchung doppelt?"); // already a reply: no "Re: AW:"
        assertThat(jonas.header("References")).isEqualTo(
                "<20260228081200.4700@mail.example.de> <hearken-1@mail.hearken.example> <20260302102530.4711@mail.example.de>");
        assertThat(body(jonas)).startsWith("Hallo Jonas Keller,").contains("700102")
                .endsWith(HumanPath.sentence(ReplyChannel.Kind.TICKET, "de").orElseThrow());
        assertThat(ledger("email:mail-es-export-001", "outcome")).isEqualTo("SENT");
        assertThat(ledger("email:mail-es-export-001", "language")).isEqualTo("es");
        assertThat(ledger("email:mail-de-billing-002", "templateKey")).isEqualTo("ticket:subscription_billing");
        assertThat(inbound("mail-es-export-001")).containsKeys("autoRepliedAt", "autoReplyId");
    }

    @Test
    void out_of_office_replies_newsletters_and_privacy_requests_get_no_automatic_answer() {
        JsonPath response = invoke(Events.load("auto-reply", "sqs-email-auto-submitted"));

        assertThat(response.getList("batchItemFailures")).isEmpty();
        assertThat(ledger("email:mail-en-out-of-office-003", "reason")).isEqualTo("auto_submitted");
        assertThat(ledger("email:mail-en-newsletter-004", "reason")).isEqualTo("precedence:bulk");
        assertThat(ledger("email:mail-fr-privacy-005", "reason")).isEqualTo("blocked_tag:privacy");
        SentMail sent = Emulator.shared().sentMail();
        assertThat(sent.to("sam.taylor@example.com")).isEmpty();
        assertThat(sent.to("digest@lists.example.com")).isEmpty();
        assertThat(sent.to("claire.martin@example.com")).isEmpty();
    }

    @Test
    void a_request_for_a_message_the_store_does_not_have_goes_to_the_dlq_at_once_with_its_reason() throws Exception {
        String event = Events.load("auto-reply", "sqs-email-unknown-message");
        String body = JSON.readTree(event).path("Records").get(0).path("body").asText();

        JsonPath response = invoke(event);

        assertThat(response.getList("batchItemFailures")).isEmpty();
        Message dead = deadLetter(body, Duration.ofSeconds(40));
        assertThat(dead).isNotNull();
        assertThat(dead.messageAttributes().get("reason").stringValue()).isEqualTo("email_unknown_message");
        assertThat(ledger("email:mail-does-not-exist")).isEmpty(); // the claim was released
    }

    @Test
    void after_a_crash_between_sending_and_recording_the_retry_sends_nothing_and_asks_a_person() {
        // given: a message and the pending claim an attempt leaves when it dies after SES accepted the answer
        putInbound("mail-crash-006", "riley.crash@example.com", null);
        claimPending("email:mail-crash-006", Instant.now().minusSeconds(600));

        // when: SQS delivers the message again after the lease
        JsonPath response = invoke(sqsEvent("msg-mail-crash", "rh-mail-crash",
                request("email", "mail-crash-006", "en", null, "how_to")));

        // then: at most once — nothing sent, the outcome recorded as unknown, the message flagged
        assertThat(response.getList("batchItemFailures")).isEmpty();
        assertThat(Emulator.shared().sentMail().to("riley.crash@example.com")).isEmpty();
        assertThat(ledger("email:mail-crash-006", "outcome")).isEqualTo("UNKNOWN");
        assertThat(inbound("mail-crash-006").get("attention").s()).isEqualTo("auto_reply_outcome_unknown");
    }

    @Test
    void after_a_crash_between_marking_the_message_and_recording_the_retry_finds_the_mark() {
        putInbound("mail-crash-007", "robin.crash@example.com", "2026-03-02T10:30:09Z");
        claimPending("email:mail-crash-007", Instant.now().minusSeconds(600));

        invoke(sqsEvent("msg-mail-crash-7", "rh-mail-crash-7", request("email", "mail-crash-007", "en", null, "how_to")));

        assertThat(Emulator.shared().sentMail().to("robin.crash@example.com")).isEmpty();
        assertThat(ledger("email:mail-crash-007", "outcome")).isEqualTo("DUPLICATE");
        assertThat(ledger("email:mail-crash-007", "reason")).isEqualTo("found_on_channel");
        assertThat(inbound("mail-crash-007")).doesNotContainKey("attention");
    }

    private static SentMail.Mail single(String address) {
        List<SentMail.Mail> mails = Emulator.shared().sentMail().to(address);
        assertThat(mails).as("mail to " + address).hasSize(1);
        assertThat(mails.get(0).raw()).isTrue();
        return mails.get(0);
    }

    /** The text/plain base64 body of a raw message, decoded. */
    private static String body(SentMail.Mail mail) {
        String raw = mail.body();
        String encoded = raw.substring(raw.indexOf("\r\n\r\n") + 4).replaceAll("\\s", "");
        return new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8).replace("\r\n", "\n");
    }

    private static String decodeWords(String value) {
        Matcher m = Pattern.compile("=\\?UTF-8\\?B\\?([^?]*)\\?=").matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            out.append(new String(Base64.getDecoder().decode(m.group(1)), StandardCharsets.UTF_8));
        }
        return out.isEmpty() ? value : out.toString();
    }

    private static Map<String, AttributeValue> inbound(String messageId) {
        return item(AutoReplyResource.INBOUND_MAIL, Map.of("messageId", AttributeValue.fromS(messageId)));
    }

    private static void putInbound(String messageId, String from, String autoRepliedAt) {
        var item = new java.util.HashMap<>(Map.of(
                "messageId", AttributeValue.fromS(messageId),
                "fromAddress", AttributeValue.fromS(from),
                "subject", AttributeValue.fromS("Export"),
                "rfcMessageId", AttributeValue.fromS("<" + messageId + "@mail.example.com>"),
                "receivedAt", AttributeValue.fromS("2026-03-02T10:30:00Z"),
                "caseNumber", AttributeValue.fromS("700199"),
                "language", AttributeValue.fromS("en"),
                "status", AttributeValue.fromS("open")));
        if (autoRepliedAt != null) {
            item.put("autoRepliedAt", AttributeValue.fromS(autoRepliedAt));
        }
        Emulator.shared().dynamo().putItem(b -> b.tableName(AutoReplyResource.INBOUND_MAIL).item(item));
    }

    private static void claimPending(String requestId, Instant claimedAt) {
        Emulator.shared().dynamo().putItem(b -> b.tableName(AutoReplyResource.REPLIES).item(Map.of(
                "requestId", AttributeValue.fromS(requestId),
                "state", AttributeValue.fromS("PENDING"),
                "claimedAt", AttributeValue.fromS(claimedAt.toString()))));
    }
}
