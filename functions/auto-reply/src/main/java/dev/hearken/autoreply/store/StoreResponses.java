package dev.hearken.autoreply.store;

import dev.hearken.autoreply.domain.ReviewView;
import dev.hearken.integrations.appstore.AppStoreResources.CustomerReviewDocument;
import dev.hearken.integrations.appstore.AppStoreResources.ResourceId;
import dev.hearken.integrations.appstore.AppStoreResources.ReviewAttributes;
import dev.hearken.integrations.googleplay.GooglePlayResources.Comment;
import dev.hearken.integrations.googleplay.GooglePlayResources.Review;

/**
 * The two stores' review documents as auto-reply's {@link ReviewView} (appstoreconnect.md §4, googleplay.md §3);
 * pure functions, tested against the contracts' examples.
 */
final class StoreResponses {

    private StoreResponses() {
    }

    /**
     * A {@code GET /v1/customerReviews/{id}?include=response} document as a review: answered when the response
     * relationship has data or a {@code customerReviewResponses} object is included.
     */
    static ReviewView appStoreReview(String app, CustomerReviewDocument document) {
        var review = document.data();
        boolean answered = review.relationships() != null && review.relationships().response() != null
                && review.relationships().response().data() != null;
        if (document.included() != null) {
            for (ResourceId included : document.included()) {
                answered |= "customerReviewResponses".equals(included.type());
            }
        }
        ReviewAttributes attributes = review.attributes();
        return new ReviewView(app, review.id(),
                attributes == null || attributes.rating() == null ? 0 : attributes.rating(),
                attributes == null ? null : attributes.reviewerNickname(), answered);
    }

    /** A {@code Review}: the star rating of its user comment; answered when any comment is a developer comment. */
    static ReviewView playReview(String packageName, Review review) {
        int rating = 0;
        boolean answered = false;
        if (review.comments() != null) {
            for (Comment comment : review.comments()) {
                if (comment.userComment() != null && comment.userComment().starRating() != null) {
                    rating = comment.userComment().starRating();
                }
                answered |= comment.developerComment() != null;
            }
        }
        return new ReviewView(packageName, review.reviewId(), rating, review.authorName(), answered);
    }
}
