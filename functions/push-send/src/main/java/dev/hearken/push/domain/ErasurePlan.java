package dev.hearken.push.domain;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a user's personal data is, for an erasure (GDPR art. 17, CCPA §1798.105).
 *
 * <p>Found by the user id and deleted, in this order: {@link #ERASED}. The order matters for a retry after a crash:
 * the per-user experiment totals are found through the user's exposures, so they go before the exposures; the
 * devices go first, so that no push reaches the person while the rest is erased.
 *
 * <p>Not linkable to the user id ({@link #NOT_LINKABLE}), each with the reason. These are reported, never guessed
 * at: deleting by a pattern (a campaign key ending in the id, an address equal to the profile's) could delete
 * another person's data, and would take a scan of the whole table.
 */
public final class ErasurePlan {

    /** The stores erased by user id, in the order they are erased. */
    public static final List<String> ERASED = List.of(
            "push-devices", "push-users", "push-caps", "push-deliveries", "push-segments",
            "experiment-aggregates", "conversions", "exposures");

    /** Stores that may hold the person's data but not under the app's user id, and why. */
    public static final Map<String, String> NOT_LINKABLE = new TreeMap<>(Map.of(
            "push-sends", "push-send's idempotency ledger is keyed by the producer's message key and holds no user id;"
                    + " its items (with the tokens a message reached) expire after the ledger retention (30 days)",
            "replies", "auto-reply's ledger is keyed by the reply request (ticket, review or mail id), not the app user",
            "inbound-mail", "keyed by the mail's message id; the sender's address is not linked to the app user id",
            "ticket-decisions", "keyed by the Zendesk ticket; the requester is a Zendesk user, not the app user id",
            "reviews", "store reviews carry the stores' reviewer pseudonyms, which no store links to the app user id",
            "review-impact", "counts reviewers by the stores' pseudonyms, not by the app user id"));

    private ErasurePlan() {}
}
