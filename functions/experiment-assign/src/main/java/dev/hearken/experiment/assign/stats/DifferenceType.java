package dev.hearken.experiment.assign.stats;

/** How the effect of a treatment is expressed. */
public enum DifferenceType {
    /** (m_b − m_a) / |m_a|: "+13 % opens". gbstats' default. */
    RELATIVE,
    /** m_b − m_a: "+0.7 percentage points". */
    ABSOLUTE;

    /** The lower-case name gbstats uses ({@code relative}, {@code absolute}). */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Reads {@code relative} / {@code absolute} (any case). */
    public static DifferenceType of(String name) {
        return valueOf(name.toUpperCase(java.util.Locale.ROOT));
    }
}
