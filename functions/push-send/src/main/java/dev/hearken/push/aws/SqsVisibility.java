package dev.hearken.push.aws;

import java.time.Duration;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Makes a failed record come back after the provider's {@code Retry-After} instead of the queue's
 * visibility timeout: {@code ChangeMessageVisibility} on the record's receipt handle before the
 * record is reported failed (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-visibility-timeout.html).
 */
public final class SqsVisibility {

    private static final System.Logger LOG = System.getLogger(SqsVisibility.class.getName());
    /** SQS's maximum visibility timeout. */
    private static final long MAX_SECONDS = 12 * 60 * 60;

    private final SqsClient sqs;
    private final Supplier<String> queueUrl;

    public SqsVisibility(SqsClient sqs, Supplier<String> queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    /** Best effort: when it fails, the record still fails and returns after the queue's visibility timeout. */
    public void retryAfter(String receiptHandle, Duration after) {
        int seconds = (int) Math.min(MAX_SECONDS, Math.max(0, after.toSeconds()));
        try {
            sqs.changeMessageVisibility(b -> b.queueUrl(queueUrl.get()).receiptHandle(receiptHandle).visibilityTimeout(seconds));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not change visibility ({0}); the queue timeout applies",
                    e.getClass().getSimpleName());
        }
    }
}
