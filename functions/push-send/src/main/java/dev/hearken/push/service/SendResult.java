package dev.hearken.push.service;

import dev.hearken.push.domain.Hop;
import java.time.Duration;
import java.time.Instant;

/** What the worker does with the SQS record after {@link PushService#process}. */
public sealed interface SendResult {

    /** Done (sent, capped, opted out, or failed for good); the record succeeds. */
    record Finished(String outcome) implements SendResult {}

    /** Sent back to the queue for {@code until}, by an SQS delay or a one-time schedule ({@code hop}); the record succeeds. */
    record Deferred(Instant until, Hop hop, String reason) implements SendResult {}

    /**
     * A provider asked us to come back later: the message waits {@code after} as a delayed copy and the record
     * succeeds (or, past the bound, the message expires).
     */
    record RetryLater(Duration after, String reason) implements SendResult {}

    /** Moved to the DLQ with a reason; the record succeeds (it is no longer ours). */
    record DeadLettered(String reason) implements SendResult {}

    /** Another copy of this message was already finished; the record succeeds. */
    record Duplicate() implements SendResult {}

    /** Another worker holds this key right now: fail the record so SQS redelivers it later. */
    record Busy() implements SendResult {}
}
