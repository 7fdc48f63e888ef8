package dev.hearken.autoreply.function;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Makes a received message visible again after a delay, by changing its visibility timeout
 * (<a href="https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_ChangeMessageVisibility.html">at
 * most 12 hours</a>); the event source mapping's role already allows {@code sqs:ChangeMessageVisibility}.
 */
@ApplicationScoped
public class RetryLater {

    private static final Logger LOG = Logger.getLogger(RetryLater.class);
    private static final long MAX_SECONDS = 12 * 60 * 60 - 1;

    private final SqsClient sqs;
    private final Optional<String> queueUrl;

    RetryLater(SqsClient sqs, @ConfigProperty(name = "hearken.queues.auto-reply") Optional<String> queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    /** Hides the message for {@code delay} (bounded to SQS's 12 hours); failures only log, the record fails anyway. */
    public void delay(String receiptHandle, Duration delay) {
        int seconds = (int) Math.min(MAX_SECONDS, Math.max(1, delay.toSeconds()));
        if (queueUrl.isEmpty() || receiptHandle == null) {
            LOG.warn("no queue URL (hearken.queues.auto-reply) or receipt handle: the message returns after the queue's visibility timeout");
            return;
        }
        try {
            sqs.changeMessageVisibility(b -> b.queueUrl(queueUrl.get()).receiptHandle(receiptHandle).visibilityTimeout(seconds));
        } catch (RuntimeException e) {
            LOG.warnf("could not delay message: %s (it returns after the queue's visibility timeout)",
                    e.getClass().getSimpleName());
        }
    }
}
