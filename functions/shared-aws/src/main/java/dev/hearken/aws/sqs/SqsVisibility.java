package dev.hearken.aws.sqs;

import java.time.Duration;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Makes a received message come back after a given wait instead of the queue's visibility timeout:
 * {@code ChangeMessageVisibility} on the record's receipt handle before the record is reported failed
 * (<a href="https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_ChangeMessageVisibility.html">
 * 0 to 43,200 seconds, counted from the receive</a>; see {@link #MAX}). The event source mapping's role already allows
 * {@code sqs:ChangeMessageVisibility}.
 *
 * <p>Only the fallback of {@link SqsRedelivery}, when its delayed copy cannot be sent: a hidden message that fails its
 * record spends one receive of the poison-message budget, a delayed copy does not.
 *
 * <p>Best effort: when the call fails, or no queue URL is configured, the record still fails and comes back after
 * the queue's own visibility timeout — later, not lost.
 */
public final class SqsVisibility {

    /**
     * The longest wait set: SQS's 12-hour limit counts from when the message was received, not from this call, and
     * a request beyond it is refused (moto counts from when it was sent, stricter still). A Lambda invocation holds
     * a received message for at most 15 minutes, so 11 h 45 min is always accepted; setting exactly 12 h never is.
     * Found when a test checked that the message really stayed hidden: before, the refused call was only logged.
     */
    public static final Duration MAX = Duration.ofHours(12).minusMinutes(15);

    private static final Logger LOG = Logger.getLogger(SqsVisibility.class);

    private final SqsClient sqs;
    private final Supplier<String> queueUrl;

    /** {@code queueUrl} may answer {@code null} (not configured): then nothing is changed. */
    public SqsVisibility(SqsClient sqs, Supplier<String> queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    /** Hides the message for {@code after}, clamped to 0..{@link #MAX}. */
    public void retryAfter(String receiptHandle, Duration after) {
        try {
            String url = queueUrl.get();
            if (url == null || url.isBlank() || receiptHandle == null) {
                LOG.warn("no queue URL or receipt handle: the message returns after the queue's visibility timeout");
                return;
            }
            int seconds = seconds(after);
            sqs.changeMessageVisibility(b -> b.queueUrl(url).receiptHandle(receiptHandle).visibilityTimeout(seconds));
        } catch (RuntimeException e) {
            LOG.warnf("could not change the visibility of a message (%s): the queue's visibility timeout applies",
                    e.getClass().getSimpleName());
        }
    }

    /** The visibility timeout SQS accepts for {@code after}: negative → 0, beyond {@link #MAX} → {@link #MAX}. */
    static int seconds(Duration after) {
        if (after == null || after.isNegative()) {
            return 0;
        }
        return (int) Math.min(MAX.toSeconds(), after.toSeconds());
    }
}
