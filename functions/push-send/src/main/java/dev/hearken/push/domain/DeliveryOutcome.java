package dev.hearken.push.domain;

import java.util.Locale;

/** What happened to a message (or to one device of it), as recorded in the deliveries table. */
public enum DeliveryOutcome {
    /** Accepted by FCM or APNs (or SES). */
    SENT,
    /** Re-enqueued for later: quiet hours or {@code notBefore}. */
    DEFERRED,
    /** Over the user's frequency cap for its priority. */
    CAPPED,
    /** The user opted out of the program. */
    OPTED_OUT,
    /** Not sent: dead token, no device, unknown user, provider rejection, or a retry pending (reason says which). */
    FAILED,
    /**
     * Not sent, and dropped: it waited longer than {@code hearken.waiting.max-age} for a provider's rate limit or
     * quota (a push is not a user's request: nobody has to answer it, but its fate is recorded).
     */
    EXPIRED;

    /** The stored name: {@code sent}, {@code deferred}, {@code capped}, {@code opted-out}, {@code failed}, {@code expired}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
