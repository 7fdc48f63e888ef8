package dev.hearken.review.ingest;

import dev.hearken.review.model.Review;

/**
 * Port: the versions of every review. A version is identified by {@link Review#contentHash()}, so storing the
 * same content twice is a no-op, and a changed rating or text is a new version next to the old ones.
 */
public interface ReviewStore {

    /** What {@link #store} found. */
    enum Outcome {
        /** The first version of this review. */
        NEW,
        /** A new version of a review we already had (an edit). */
        EDITED,
        /** This version was stored and fully processed before: a re-delivery, nothing to do. */
        DUPLICATE,
        /** This version was stored but its processing did not finish (a crash or timeout): finish it. */
        UNFINISHED
    }

    /**
     * Stores {@code review} as a version unless that version exists.
     *
     * @param previousRating the rating of the latest earlier version, for {@link Outcome#EDITED}; else {@code null}
     */
    record Stored(Outcome outcome, Integer previousRating, boolean firstVersion) {
    }

    Stored store(Review review);

    /** Records the analysis on the version and marks its processing finished. */
    void complete(Review review, ReviewAnalysis analysis);
}
