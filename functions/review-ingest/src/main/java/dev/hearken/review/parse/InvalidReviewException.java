package dev.hearken.review.parse;

/**
 * A review payload that cannot be normalised (missing id, rating out of range, wrong shape). Retrying does
 * not help: the message belongs in the dead-letter queue with this message as the reason.
 */
public final class InvalidReviewException extends RuntimeException {

    public InvalidReviewException(String message) {
        super(message);
    }
}
