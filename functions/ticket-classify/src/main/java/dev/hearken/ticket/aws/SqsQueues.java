package dev.hearken.ticket.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.reply.AutoReplyRequest;
import dev.hearken.ticket.config.QueueUrls;
import dev.hearken.ticket.domain.ReplyQueue;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * ticket-classify's SQS calls: the webhook enqueues verified bodies on the tickets queue, the worker
 * hands eligible tickets to the auto-reply queue and returns rate-limited messages (tickets, review
 * escalations) to their queue for later.
 */
@ApplicationScoped
public class SqsQueues implements ReplyQueue {

    /** SQS's longest visibility timeout, 12 hours. */
    static final Duration MAX_VISIBILITY = Duration.ofHours(12);

    private final SqsClient sqs;
    private final QueueUrls urls;
    private final ObjectMapper json;

    SqsQueues(SqsClient sqs, QueueUrls urls, ObjectMapper json) {
        this.sqs = sqs;
        this.urls = urls;
        this.json = json;
    }

    /**
     * Enqueues a verified webhook body verbatim, its kind ({@code trigger} or the event type) in the
     * attribute {@code eventKind} and the ticket id in {@code ticketId}; returns the message id.
     */
    public String enqueueTicket(String body, String eventKind, long ticketId) {
        return sqs.sendMessage(b -> b.queueUrl(required(urls.tickets().orElse(null), "hearken.queues.tickets"))
                .messageBody(body)
                .messageAttributes(Map.of(
                        "eventKind", string(eventKind),
                        "ticketId", string(Long.toString(ticketId)))))
                .messageId();
    }

    @Override
    public void send(AutoReplyRequest request) {
        String body;
        try {
            body = json.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("AutoReplyRequest is a plain record", e);
        }
        sqs.sendMessage(b -> b.queueUrl(required(urls.autoReply().orElse(null), "hearken.queues.auto-reply"))
                .messageBody(body)
                .messageAttributes(Map.of(
                        "requestId", string(request.requestId()),
                        "source", string(request.source()))));
    }

    /** Makes a received tickets message visible again after {@code delay} (at most 12 h). */
    public void retryLater(String receiptHandle, Duration delay) {
        retryLater(required(urls.tickets().orElse(null), "hearken.queues.tickets"), receiptHandle, delay);
    }

    /** Makes a received review-escalations message visible again after {@code delay} (at most 12 h). */
    public void retryEscalationLater(String receiptHandle, Duration delay) {
        retryLater(required(urls.reviewEscalations().orElse(null), "hearken.queues.review-escalations"), receiptHandle,
                delay);
    }

    private void retryLater(String queueUrl, String receiptHandle, Duration delay) {
        int seconds = (int) Math.min(Math.max(delay.toSeconds(), 0), MAX_VISIBILITY.toSeconds());
        sqs.changeMessageVisibility(b -> b.queueUrl(queueUrl).receiptHandle(receiptHandle).visibilityTimeout(seconds));
    }

    private static MessageAttributeValue string(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }

    private static String required(String url, String key) {
        if (url == null || url.isBlank()) {
            throw new IllegalStateException(key + " is not configured");
        }
        return url;
    }
}
