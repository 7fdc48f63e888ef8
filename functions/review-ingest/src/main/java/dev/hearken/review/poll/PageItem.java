package dev.hearken.review.poll;

import dev.hearken.review.parse.ProviderReview;
import java.time.Instant;

/**
 * One review of a listing page, with what the poller orders by.
 *
 * @param time the review's time as the store orders the listing (App Store {@code createdDate}, Play
 *             {@code userComment.lastModified})
 * @param id   the store's review id
 * @param review the provider's review object, enqueued for the worker
 */
public record PageItem(Instant time, String id, ProviderReview review) {

    /** Whether this item is strictly after {@code mark} in listing order (newest first). */
    boolean after(Position mark) {
        return mark == null || time.isAfter(mark.time()) || (time.equals(mark.time()) && !id.equals(mark.id()));
    }

    Position position() {
        return new Position(time, id);
    }
}
