package dev.hearken.push.port;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Idempotency per message key: which devices already got the message and whether it is finished,
 * with a short lease so two copies of one message are never processed at the same time.
 */
public interface SendLedger {

    /**
     * The state of a key when this worker holds its lease, as the lease's own write returned it.
     *
     * @param sentTokens the devices (and {@code email}) an earlier attempt already served
     * @param capTaken   whether an earlier attempt already counted the message in the frequency caps
     */
    record Entry(String key, Set<String> sentTokens, boolean capTaken) {}

    /** Why {@link #begin} did not give the lease. */
    enum Refusal { FINISHED, BUSY }

    /** Result of {@link #begin}: exactly one of the two is set. */
    record Claim(Entry entry, Refusal refusal) {}

    /** Takes the lease on {@code key} until {@code now + lease}, unless the key is finished or leased by another worker. */
    Claim begin(String key, Instant now, Duration lease);

    /** Notes that the message was counted in the frequency caps (so a retry does not count it again). */
    void markCapTaken(String key);

    /** Notes that {@code token} got the message (so a retry skips it). */
    void markSent(String key, String token);

    /** Finishes the key: any later copy of the message is a duplicate. */
    void finish(String key, String outcome);

    /** Gives the lease back without finishing (deferred or to be retried). */
    void release(String key);
}
