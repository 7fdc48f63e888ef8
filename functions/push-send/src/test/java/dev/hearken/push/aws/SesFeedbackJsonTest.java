package dev.hearken.push.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.push.domain.MailFeedback;
import dev.hearken.push.domain.MailFeedback.Kind;
import dev.hearken.testing.Events;
import org.junit.jupiter.api.Test;

/** The SES events of {@code events/mail-feedback/}, as SQS delivers them from SNS (no raw delivery). */
class SesFeedbackJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String body(String scenario, int record) throws Exception {
        return JSON.readTree(Events.load("mail-feedback", scenario)).path("Records").get(record).path("body").asText();
    }

    @Test
    void a_permanent_bounce_in_its_sns_envelope_names_the_bounced_address_and_our_recipient_tag() throws Exception {
        MailFeedback feedback = SesFeedbackJson.read(JSON, body("sqs-bounce-permanent", 0));

        assertThat(feedback.kind()).isEqualTo(Kind.PERMANENT_BOUNCE);
        assertThat(feedback.addresses()).containsExactly("haruto.sato@example.org");
        assertThat(feedback.recipientTag()).matches("[A-Za-z0-9_-]+");
        assertThat(feedback.messageId()).isEqualTo("ses-msg-bounce-1");
    }

    @Test
    void transient_bounces_and_complaints_are_told_apart() throws Exception {
        assertThat(SesFeedbackJson.read(JSON, body("sqs-bounce-transient", 0)).kind()).isEqualTo(Kind.TRANSIENT_BOUNCE);
        MailFeedback complaint = SesFeedbackJson.read(JSON, body("sqs-complaint", 0));
        assertThat(complaint.kind()).isEqualTo(Kind.COMPLAINT);
        assertThat(complaint.addresses()).containsExactly("sam.miller@example.org");
    }

    @Test
    void a_raw_delivered_event_reads_the_same_and_the_address_is_taken_as_it_was_sent() throws Exception {
        JsonNode event = JSON.readTree(JSON.readTree(body("sqs-bounce-permanent", 0)).path("Message").asText());
        String raw = JSON.writeValueAsString(event).replace("\"emailAddress\":\"haruto.sato@example.org\"",
                "\"emailAddress\":\"Haruto.Sato@EXAMPLE.org\"");

        MailFeedback feedback = SesFeedbackJson.read(JSON, raw);

        assertThat(feedback.kind()).isEqualTo(Kind.PERMANENT_BOUNCE);
        assertThat(feedback.addresses()).containsExactly("haruto.sato@example.org");
    }

    @Test
    void mail_without_our_tag_has_no_recipient_tag() throws Exception {
        assertThat(SesFeedbackJson.read(JSON, body("sqs-batch-one-bad", 2)).recipientTag()).isNull();
    }

    @Test
    void a_truncated_body_or_something_that_is_not_an_ses_event_is_refused() throws Exception {
        String truncated = body("sqs-batch-one-bad", 1);
        assertThatThrownBy(() -> SesFeedbackJson.read(JSON, truncated)).isInstanceOf(SesFeedbackJson.InvalidFeedbackException.class)
                .hasMessageNotContaining("example.org");
        assertThatThrownBy(() -> SesFeedbackJson.read(JSON, "{\"Type\":\"SubscriptionConfirmation\"}"))
                .isInstanceOf(SesFeedbackJson.InvalidFeedbackException.class);
        assertThatThrownBy(() -> SesFeedbackJson.read(JSON, "{\"hello\":\"world\"}"))
                .isInstanceOf(SesFeedbackJson.InvalidFeedbackException.class);
    }
}
