package dev.hearken.review.poll;

import java.time.Instant;

/** A place in a newest-first listing: the time and id of a review. */
public record Position(Instant time, String id) {

    /** The later of two positions ({@code null} counts as earliest). */
    static Position latest(Position a, Position b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return b.time().isAfter(a.time()) ? b : a;
    }
}
