package dev.hearken.experiment.assignment;

/**
 * The outcome of running one experiment for one user, GrowthBook's {@code Result} plus the reason.
 *
 * <p>When the user is not in the experiment, {@code variationId} is 0 and {@code value} is the
 * first variation's value (the control), as GrowthBook returns them.
 *
 * @param inExperiment whether the user takes part
 * @param hashUsed     whether the variation came from hashing; {@code false} when forced or not in.
 *                     Only hashed assignments belong in the experiment's sample (GrowthBook fires
 *                     its tracking callback only for these)
 * @param variationId  the variation index
 * @param value        the variation's value
 * @param variationKey {@code meta[i].key}, or the index as a string
 * @param bucket       the user's hash in [0, 1) for a hashed assignment, otherwise {@code null}
 * @param hashAttribute the attribute that was (or would have been) hashed
 * @param hashValue    that attribute's value in its JS string form; empty when absent
 * @param reason       why the user is or is not in
 * @param passthrough  the assigned variation is a passthrough (holdout) variation
 */
public record AssignmentResult(
        boolean inExperiment,
        boolean hashUsed,
        int variationId,
        Object value,
        String variationKey,
        Double bucket,
        String hashAttribute,
        String hashValue,
        Reason reason,
        boolean passthrough) {

    /** Why a result came out as it did; every "not in" path has its own reason. */
    public enum Reason {
        /** In: hashed into a variation. */
        ASSIGNED,
        /** In: {@link RunContext#forcedVariations()} named the variation. */
        FORCED_BY_CONTEXT,
        /** In: the experiment's {@code force} (a rolled-out winner) named the variation. */
        FORCED_WINNER,
        /** In: the URL's query string named the variation. */
        QUERY_STRING,
        /** Not in: a forced variation index (context or {@code force}) is out of range. */
        INVALID_FORCED_VARIATION,
        /** Not in: fewer than two variations. */
        TOO_FEW_VARIATIONS,
        /** Not in: {@link RunContext#enabled()} is false. */
        CONTEXT_DISABLED,
        /** Not in: the experiment is a draft or {@code active} is false. */
        INACTIVE,
        /** Not in: the hash attribute is missing or falsy. */
        NO_HASH_VALUE,
        /** Not in: a hash-range filter excluded the user. */
        FILTERED_OUT,
        /** Not in: the user is outside the experiment's namespace slice. */
        NOT_IN_NAMESPACE,
        /** Not in: the targeting condition failed. */
        CONDITION_FAILED,
        /** Not in: a prerequisite feature condition failed. */
        PREREQUISITE_FAILED,
        /** Not in: the experiment names a hash version other than 1 or 2. */
        UNSUPPORTED_HASH_VERSION,
        /** Not in: the user's hash fell outside every variation's range (coverage, ranges). */
        OUT_OF_COVERAGE,
        /** Not in: QA mode and nothing forced. */
        QA_MODE,
        /** Not in: the experiment is stopped and has no forced winner. */
        STOPPED
    }
}
