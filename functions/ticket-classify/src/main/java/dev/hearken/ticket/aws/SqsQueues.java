package dev.hearken.ticket.aws;

import dev.hearken.ticket.config.QueueUrls;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * The webhook's SQS call: it enqueues verified bodies on the tickets queue. (The hand-over to auto-reply and the
 * Retry-After visibility are the shared {@code dev.hearken.aws.sqs} adapters, wired in {@code config/}.)
 */
@ApplicationScoped
public class SqsQueues {

    private final SqsClient sqs;
    private final QueueUrls urls;

    SqsQueues(SqsClient sqs, QueueUrls urls) {
        this.sqs = sqs;
        this.urls = urls;
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
