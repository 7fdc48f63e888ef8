package dev.hearken.review.ingest;

import dev.hearken.review.model.Review;
import java.util.List;

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

    /**
     * What was done with a version besides its analysis, kept with it so that an operator can see why a review was
     * (not) answered.
     *
     * @param replyEligible whether a reply candidate went to auto-reply
     * @param replyReason   why, in words ({@link ReviewReplyDecision.Verdict#reason()})
     * @param replyRule     the reply rule that matched, or {@code null}
     * @param replyAnswer   the answer key sent to auto-reply, or {@code null}
     * @param escalated     the flags that took the review to a person (privacy, legal), sorted; empty when none
     */
    record Decision(boolean replyEligible, String replyReason, String replyRule, String replyAnswer,
            List<String> escalated) {

        public Decision {
            escalated = List.copyOf(escalated);
        }
    }

    /** Records the analysis and the decision on the version and marks its processing finished. */
    void complete(Review review, ReviewAnalysis analysis, Decision decision);
}
