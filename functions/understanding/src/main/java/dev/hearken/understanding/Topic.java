package dev.hearken.understanding;

/**
 * Review topics, aligned with the high-level categories of the URR taxonomy (Ciurumelea et al., SANER 2017)
 * so that the shipped model can be scored on that data set.
 */
public enum Topic {
    /** Device, OS version or hardware compatibility. */
    COMPATIBILITY,
    /** Errors, crashes, things that do not work. */
    ERROR,
    /** Anything that is none of the others (praise, general remarks). */
    OTHER,
    /** Price, licensing, subscription. */
    PRICING,
    /** Privacy and security. */
    PROTECTION,
    /** Performance, battery, memory. */
    RESOURCES,
    /** Usability and user interface. */
    USAGE
}
