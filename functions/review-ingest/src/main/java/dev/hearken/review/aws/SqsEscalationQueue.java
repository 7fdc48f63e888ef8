package dev.hearken.review.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.escalation.ReviewEscalation;
import dev.hearken.review.ingest.EscalationQueue;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * {@link EscalationQueue} on the {@code review-escalations} queue: one {@link ReviewEscalation} JSON per message,
 * with the attributes {@code escalationId} and {@code flags} (comma-separated) so an operator can read a DLQ
 * entry without opening the body.
 */
public final class SqsEscalationQueue implements EscalationQueue {

    private final SqsClient sqs;
    private final Supplier<String> queueUrl;
    private final ObjectMapper json;

    public SqsEscalationQueue(SqsClient sqs, Supplier<String> queueUrl, ObjectMapper json) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.json = json;
    }

    @Override
    public void send(ReviewEscalation escalation) {
        String body;
        try {
            body = json.writeValueAsString(escalation);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("review escalation is not serialisable", e);
        }
        sqs.sendMessage(b -> b.queueUrl(queueUrl.get()).messageBody(body).messageAttributes(Map.of(
                "escalationId", text(escalation.escalationId()),
                "flags", text(String.join(",", escalation.flags())))));
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }
}
