package dev.hearken.push.service;

import dev.hearken.push.domain.CapLimits;
import java.time.Duration;
import java.util.Objects;

/**
 * The limits {@link PushService} decides by ({@code hearken.push.*}, built by the CDI producer from
 * {@code PushSettings}).
 *
 * @param caps     frequency caps per priority, day and week
 * @param maxDelay the longest SQS delay (15 minutes): a shorter wait is one re-enqueue, a longer one a schedule
 * @param lease    how long one attempt holds a message's idempotency key before another worker may take it
 */
public record PushPolicy(CapLimits caps, Duration maxDelay, Duration lease) {

    public PushPolicy {
        Objects.requireNonNull(caps, "caps");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(lease, "lease");
    }
}
