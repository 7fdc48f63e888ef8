package dev.hearken.push.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * How a deferred message comes back to the push queue: decided by {@link Timing#hop}.
 */
public sealed interface Hop {

    /** Re-enqueued now, invisible for {@code delay} (an SQS {@code DelaySeconds}, at most 15 minutes). */
    record Delay(Duration delay) implements Hop {}

    /**
     * Put back on the queue at {@code at} by a one-time schedule (EventBridge Scheduler), one invocation
     * however long the wait. {@code at} is a whole minute, never before the send time.
     */
    record Scheduled(Instant at) implements Hop {}
}
