package dev.hearken.push.port;

import dev.hearken.push.message.PushMessage;
import java.time.Instant;

/**
 * Brings a deferred message back to the push queue at a given minute, for waits longer than one SQS
 * delay (15 minutes): a night of quiet hours or a {@code notBefore} hours ahead costs one invocation
 * instead of a chain of 15-minute re-enqueues.
 */
public interface LongDeferrals {

    /**
     * Arranges for {@code message} to be put on the push queue at {@code at} (a whole minute). Idempotent
     * per idempotency key and {@code at}: a repeated call (a redelivered or retried message) is accepted
     * and arranges nothing more.
     *
     * @throws RuntimeException when it could not be arranged (throttling, an outage, a refused request);
     *                          the caller then falls back to an SQS delay, so the message is never dropped
     */
    void deferUntil(PushMessage message, Instant at);
}
