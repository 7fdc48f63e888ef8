package dev.hearken.push.port;

import java.time.Duration;
import java.time.Instant;

/**
 * How one received record waits for a provider's {@code Retry-After} (a 429, a spent quota): a delayed copy of its
 * message goes back on the queue and the record succeeds, so waiting never spends the receives after which SQS
 * dead-letters a message — unless the message has waited longer than the bound, when nothing is arranged.
 */
public interface Redelivery {

    /**
     * What {@link #after} did.
     *
     * @param expired {@code true}: the whole wait would exceed the bound, nothing was arranged — drop the message
     * @param waits   how many times the message waited (this one included when a copy was sent)
     * @param since   when the message was first put on the queue
     */
    record Later(boolean expired, int waits, Instant since) {
    }

    /**
     * Arranges for the record's message to come back after {@code after}.
     *
     * @throws RuntimeException when it could not be arranged: the record must fail (it comes back later)
     */
    Later after(Duration after);
}
