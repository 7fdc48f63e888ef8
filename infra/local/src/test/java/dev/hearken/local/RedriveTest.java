package dev.hearken.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearken.testing.aws.Emulator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** {@code make redrive} against the emulator (moto over HTTP). */
class RedriveTest {

    private final SqsClient sqs = Emulator.shared().sqs();

    @Test
    void every_dead_lettered_message_goes_back_to_its_queue_with_its_body_and_attributes() {
        String name = "redrive-" + UUID.randomUUID().toString().substring(0, 8);
        String queue = sqs.createQueue(b -> b.queueName("hearken-" + name)).queueUrl();
        String dlq = sqs.createQueue(b -> b.queueName("hearken-" + name + "-dlq")).queueUrl();
        for (int i = 0; i < 12; i++) {
            String body = "{\"ticketId\":" + i + "}";
            sqs.sendMessage(b -> b.queueUrl(dlq).messageBody(body).messageAttributes(Map.of("reason",
                    MessageAttributeValue.builder().dataType("String").stringValue("zendesk_422").build())));
        }

        Redrive.Result result = new Redrive(sqs).redrive(Redrive.Queues.of("hearken", name, null));

        assertThat(result).isEqualTo(new Redrive.Result(12, 0));
        List<Message> back = receiveAll(queue);
        assertThat(back).hasSize(12).allSatisfy(m -> {
            assertThat(m.body()).matches("\\{\"ticketId\":\\d+\\}");
            assertThat(m.messageAttributes().get("reason").stringValue()).isEqualTo("zendesk_422");
        });
        assertThat(back).extracting(Message::body).doesNotHaveDuplicates();
        assertThat(count(dlq)).isZero();
    }

    @Test
    void a_message_the_target_does_not_accept_stays_in_the_dead_letter_queue_and_is_counted_as_failed() {
        String name = "redrive-" + UUID.randomUUID().toString().substring(0, 8);
        String dlq = sqs.createQueue(b -> b.queueName(name + "-dlq")).queueUrl();
        sqs.sendMessage(b -> b.queueUrl(dlq).messageBody("{\"ticketId\":1}"));
        sqs.sendMessage(b -> b.queueUrl(dlq).messageBody("{\"ticketId\":2}"));
        String missingTarget = dlq.replace(name + "-dlq", name + "-deleted");

        Redrive.Result result = new Redrive(sqs).redrive(dlq, missingTarget);

        assertThat(result).isEqualTo(new Redrive.Result(0, 2));
        assertThat(count(dlq)).isEqualTo(2);
    }

    @Test
    void a_queue_is_named_by_its_short_name_its_dlq_or_its_physical_name_and_may_go_elsewhere() {
        assertThat(Redrive.Queues.of("hearken", "tickets", null))
                .isEqualTo(new Redrive.Queues("hearken-tickets-dlq", "hearken-tickets"));
        assertThat(Redrive.Queues.of("hearken", "hearken-tickets-dlq", ""))
                .isEqualTo(new Redrive.Queues("hearken-tickets-dlq", "hearken-tickets"));
        assertThat(Redrive.Queues.of("acme", "push-deferrals-dlq", "push"))
                .isEqualTo(new Redrive.Queues("acme-push-deferrals-dlq", "acme-push"));
    }

    private List<Message> receiveAll(String url) {
        List<Message> out = new java.util.ArrayList<>();
        List<Message> batch;
        do {
            batch = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1)
                    .messageAttributeNames("All")).messages();
            out.addAll(batch);
        } while (!batch.isEmpty());
        return out;
    }

    /** Visible and in-flight messages: a failed move hides a message for a while, it does not delete it. */
    private int count(String url) {
        Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }
}
