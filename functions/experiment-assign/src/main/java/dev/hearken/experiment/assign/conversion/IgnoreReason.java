package dev.hearken.experiment.assign.conversion;

import java.util.Locale;

/** Why a well-formed outcome event was not counted. Each is counted per experiment. */
public enum IgnoreReason {
    /** No experiment with that key. */
    UNKNOWN_EXPERIMENT,
    /** The event names a variation the experiment does not have. */
    UNKNOWN_VARIATION,
    /** The event names another variation than the one the user was exposed to. */
    VARIATION_MISMATCH,
    /** The user has no recorded exposure to the experiment. */
    NOT_EXPOSED,
    /** The event happened before the user's first exposure. */
    BEFORE_EXPOSURE,
    /** The event happened after the attribution window closed. */
    OUTSIDE_WINDOW,
    /** An event with the same id was already counted. */
    DUPLICATE;

    /** The name in APIs and logs, e.g. {@code before_exposure}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
