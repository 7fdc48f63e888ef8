package dev.hearken.autoreply.domain;

import java.time.Instant;

/**
 * Port: one record per request id, the "at most one automatic reply ever" memory.
 *
 * <p>{@link #claim} is a conditional write; {@link #complete} records the outcome after the
 * channel call. A claim left pending means an earlier attempt may or may not have reached the
 * channel (crash, timeout), so the service reads the channel back before sending again.
 */
public interface ReplyLedger {

    /** What the ledger knew about the request id before this call. */
    enum State {
        /** Never seen (or released): the caller now owns the reply. */
        NEW,
        /** Claimed by an earlier attempt whose outcome was never recorded. */
        PENDING,
        /** An outcome (sent or skipped) is recorded: nothing more to do, ever. */
        DONE
    }

    /**
     * The result of a claim.
     *
     * @param claimedAt when the (earlier) claim was made; for {@link State#PENDING} it tells whether
     *                  that attempt may still be running
     */
    record Claim(State state, Instant claimedAt) {}

    /** Claims the reply for {@code requestId}; a second claim reports the first. */
    Claim claim(String requestId, Instant now);

    /**
     * Takes over the pending claim made at {@code seenClaimedAt} (the one {@link #claim} returned): a
     * compare-and-set on that exact claim, so of two deliveries that both saw it, one wins. {@code false}
     * when the claim changed meanwhile (taken over, released, done).
     */
    boolean takeOver(String requestId, Instant seenClaimedAt, Instant now);

    /** Removes a pending claim when nothing reached the channel (a 429 or a rejection before the send succeeded). */
    void release(String requestId);

    /** Records the final outcome; after this {@link #claim} answers {@link State#DONE}. */
    void complete(String requestId, ReplyOutcome outcome, Instant now);
}
