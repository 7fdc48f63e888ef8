package dev.hearken.aws.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.reply.AutoReplyRequest;
import dev.hearken.testing.aws.Emulator;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

class SqsHelpersTest {

    private static SqsClient sqs;

    @BeforeAll
    static void emulator() {
        sqs = Emulator.shared().sqs();
    }

    private static String queue() {
        return sqs.createQueue(b -> b.queueName("hearken-test-" + UUID.randomUUID())).queueUrl();
    }

    private static List<Message> receive(String url, int visibility) {
        return sqs.receiveMessage(b -> b.queueUrl(url).visibilityTimeout(visibility).maxNumberOfMessages(10)
                .messageAttributeNames("All")).messages();
    }

    @Test
    void the_visibility_is_clamped_to_what_sqs_accepts() {
        assertThat(SqsVisibility.seconds(Duration.ofSeconds(-5))).isZero();
        assertThat(SqsVisibility.seconds(Duration.ZERO)).isZero();
        assertThat(SqsVisibility.seconds(Duration.ofSeconds(90))).isEqualTo(90);
        assertThat(SqsVisibility.seconds(Duration.ofHours(11))).isEqualTo(39_600);
        assertThat(SqsVisibility.seconds(Duration.ofHours(12))).isEqualTo(42_300);
        assertThat(SqsVisibility.seconds(Duration.ofDays(3))).isEqualTo(42_300);
    }

    @Test
    void a_message_hidden_for_a_long_time_is_back_at_once_after_a_zero_retry_after() {
        // given: a message received with a ten-minute visibility
        String url = queue();
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("{}"));
        Message received = receive(url, 600).get(0);
        assertThat(receive(url, 600)).as("hidden").isEmpty();

        // when
        new SqsVisibility(sqs, () -> url).retryAfter(received.receiptHandle(), Duration.ZERO);

        // then
        assertThat(receive(url, 600)).extracting(Message::messageId).containsExactly(received.messageId());
    }

    @Test
    void a_retry_after_beyond_twelve_hours_is_accepted_clamped_and_the_message_stays_hidden() {
        String url = queue();
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("{}"));
        Message received = receive(url, 1).get(0);

        new SqsVisibility(sqs, () -> url).retryAfter(received.receiptHandle(), Duration.ofDays(2));

        // SQS refuses a visibility over 12 h outright: had it not been clamped, the message would show again once
        // its one-second visibility ran out, inside this three-second long poll.
        assertThat(sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(3)).messages()).isEmpty();
    }

    @Test
    void without_a_queue_url_or_with_a_failing_call_nothing_is_thrown() {
        new SqsVisibility(sqs, () -> null).retryAfter("handle", Duration.ofSeconds(5));
        new SqsVisibility(sqs, () -> "http://localhost:1/000000000000/missing").retryAfter("handle", Duration.ofSeconds(5));
    }

    @Test
    void a_reply_request_is_sent_as_json_with_its_id_and_source_as_attributes() throws Exception {
        String url = queue();
        AutoReplyRequest request = new AutoReplyRequest(1, "zendesk:35501", "zendesk", "35501", "en", "en",
                "how_to", 0.9, "2026-03-02T09:15:04Z", "v1");

        new SqsReplyQueue(sqs, () -> url, new ObjectMapper()).send(request);

        Message m = receive(url, 30).get(0);
        assertThat(new ObjectMapper().readValue(m.body(), AutoReplyRequest.class)).isEqualTo(request);
        assertThat(m.messageAttributes().get("requestId").stringValue()).isEqualTo("zendesk:35501");
        assertThat(m.messageAttributes().get("source").stringValue()).isEqualTo("zendesk");
    }
}
