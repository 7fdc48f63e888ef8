package dev.hearken.review.ingest;

import java.time.LocalDate;
import java.util.Set;

/**
 * Port: how many reviews of an app were escalated to a person, per day (the UTC day of the escalated version's
 * content), each review counted once however often it is delivered, finished after a crash or edited.
 */
public interface EscalationCounter {

    /**
     * Counts the review {@code reviewKey} for {@code (appId, day)} with its {@code flags} unless it was counted
     * before.
     *
     * @return the app's escalations of that day after this call, this review included when it was counted now or
     *         earlier on that day (an edit escalated on another day than its first escalation counts on the first)
     */
    long count(String appId, LocalDate day, String reviewKey, Set<String> flags);
}
