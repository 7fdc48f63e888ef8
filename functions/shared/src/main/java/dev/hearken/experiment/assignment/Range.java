package dev.hearken.experiment.assignment;

/**
 * A half-open bucket range {@code [start, end)} of the hash space [0, 1). A zero-width range holds
 * nobody.
 */
public record Range(double start, double end) {

    /** Whether {@code n} falls in this range: start included, end excluded. */
    public boolean contains(double n) {
        return n >= start && n < end;
    }
}
