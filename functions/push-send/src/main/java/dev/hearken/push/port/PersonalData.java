package dev.hearken.push.port;

/** One store that holds a user's personal data, found by the user's id. */
public interface PersonalData {

    /** The store's name in an erasure report: the table name without the deployment prefix ({@code push-devices}). */
    String store();

    /**
     * Deletes every item of {@code userId} in the store. Idempotent: a second call finds nothing.
     *
     * @return how many items were deleted
     */
    int erase(String userId);
}
