package dev.hearken.push.port;

import java.time.Duration;

/**
 * When the queue delivers a record that failed on purpose again: its visibility timeout, changed to the
 * provider's {@code Retry-After} (SQS {@code ChangeMessageVisibility}) instead of the queue's default.
 */
public interface Redelivery {

    /** Makes the record with {@code receiptHandle} visible again after {@code after}. */
    void retryAfter(String receiptHandle, Duration after);
}
