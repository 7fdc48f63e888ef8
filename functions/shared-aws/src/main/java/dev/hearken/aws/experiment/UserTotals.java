package dev.hearken.aws.experiment;

import java.util.List;

/**
 * The per-user running totals in {@code experiment-aggregates}: item {@code user#<type>#<userId>} under each
 * experiment key, written by experiment-assign's conversion ledger (a metric's {@code sumSquares} needs each user's
 * total) and erased with the user by push-send's app-backend API. The key format is here so both use one.
 */
public final class UserTotals {

    /** Partition key attribute of {@code experiment-aggregates}. */
    public static final String KEY = DynamoDbExposureCounter.KEY;
    /** Sort key attribute of {@code experiment-aggregates}. */
    public static final String SORT_KEY = DynamoDbExposureCounter.SORT_KEY;
    /** Sort key prefix of every per-user total. */
    public static final String PREFIX = "user#";

    /**
     * The wire names of the outcome types a total can exist for — experiment-assign's {@code OutcomeType}, which
     * this module cannot see; a test there fails when the two differ, so an erasure never misses a new type.
     */
    public static final List<String> OUTCOME_TYPES = List.of("push_opened", "push_clicked", "email_clicked",
            "app_action", "csat_good", "csat_bad", "ticket_reopened", "revenue");

    private UserTotals() {}

    /** The sort key of {@code userId}'s total of outcome type {@code type} (a wire name). */
    public static String sk(String type, String userId) {
        return PREFIX + type + "#" + userId;
    }
}
