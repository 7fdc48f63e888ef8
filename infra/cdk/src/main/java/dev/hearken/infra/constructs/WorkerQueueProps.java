package dev.hearken.infra.constructs;

import java.time.Duration;
import java.util.Objects;

/**
 * What differs between Hearken's work queues; encryption, the dead-letter queue and alarms are
 * decided once in {@link WorkerQueue}.
 *
 * @param name                 kebab-case queue name; physical names are {@code <prefix>-<name>} and {@code <prefix>-<name>-dlq}
 * @param consumerTimeout      the consuming function's timeout; the visibility timeout is six times it
 * @param maxReceiveCount      receives before a message moves to the DLQ; at least 5 so throttled or briefly failing
 *                             consumers do not dead-letter good messages
 * @param oldestMessageAgeAlarm age of the oldest waiting message that means the consumer is falling behind
 */
public record WorkerQueueProps(String name, Duration consumerTimeout, int maxReceiveCount, Duration oldestMessageAgeAlarm) {

    /** The lowest {@link #maxReceiveCount()} allowed; AWS recommends at least 5 for Lambda consumers. */
    public static final int MIN_RECEIVE_COUNT = 5;

    public WorkerQueueProps {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(consumerTimeout, "consumerTimeout");
        Objects.requireNonNull(oldestMessageAgeAlarm, "oldestMessageAgeAlarm");
        if (!name.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("queue name must be kebab-case: " + name);
        }
        if (maxReceiveCount < MIN_RECEIVE_COUNT) {
            throw new IllegalArgumentException("maxReceiveCount must be at least " + MIN_RECEIVE_COUNT + ": " + maxReceiveCount);
        }
        // SQS caps the visibility timeout at 12 hours.
        if (consumerTimeout.isZero() || consumerTimeout.isNegative()
                || consumerTimeout.multipliedBy(6).compareTo(Duration.ofHours(12)) > 0) {
            throw new IllegalArgumentException("consumerTimeout must be positive and at most 2 h: " + consumerTimeout);
        }
    }

    /** The visibility timeout: six times the consumer's timeout, as AWS recommends for Lambda event sources. */
    public Duration visibilityTimeout() {
        return consumerTimeout.multipliedBy(6);
    }

    /** Starts props for the queue {@code name} consumed by a function with {@code consumerTimeout}. */
    public static Builder builder(String name, Duration consumerTimeout) {
        return new Builder(name, consumerTimeout);
    }

    /** Defaults: 5 receives, oldest-message alarm at 15 minutes. */
    public static final class Builder {
        private final String name;
        private final Duration consumerTimeout;
        private int maxReceiveCount = MIN_RECEIVE_COUNT;
        private Duration oldestMessageAgeAlarm = Duration.ofMinutes(15);

        private Builder(String name, Duration consumerTimeout) {
            this.name = name;
            this.consumerTimeout = consumerTimeout;
        }

        public Builder maxReceiveCount(int maxReceiveCount) {
            this.maxReceiveCount = maxReceiveCount;
            return this;
        }

        public Builder oldestMessageAgeAlarm(Duration oldestMessageAgeAlarm) {
            this.oldestMessageAgeAlarm = oldestMessageAgeAlarm;
            return this;
        }

        public WorkerQueueProps build() {
            return new WorkerQueueProps(name, consumerTimeout, maxReceiveCount, oldestMessageAgeAlarm);
        }
    }
}
