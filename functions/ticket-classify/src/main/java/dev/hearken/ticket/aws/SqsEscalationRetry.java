package dev.hearken.ticket.aws;

import dev.hearken.ticket.config.QueueUrls;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Returns a rate-limited review-escalations message to its queue after Zendesk's {@code Retry-After}, by changing
 * its visibility (the event source mapping grants {@code sqs:ChangeMessageVisibility}; the stack gives the URL).
 */
@ApplicationScoped
public class SqsEscalationRetry {

    private final SqsClient sqs;
    private final QueueUrls urls;

    SqsEscalationRetry(SqsClient sqs, QueueUrls urls) {
        this.sqs = sqs;
        this.urls = urls;
    }

    /** Makes the received message visible again after {@code delay} (at most SQS's 12 h). */
    public void retryLater(String receiptHandle, Duration delay) {
        String url = urls.reviewEscalations().filter(u -> !u.isBlank())
                .orElseThrow(() -> new IllegalStateException("hearken.queues.review-escalations is not configured"));
        int seconds = (int) Math.min(Math.max(delay.toSeconds(), 0), SqsQueues.MAX_VISIBILITY.toSeconds());
        sqs.changeMessageVisibility(b -> b.queueUrl(url).receiptHandle(receiptHandle).visibilityTimeout(seconds));
    }
}
