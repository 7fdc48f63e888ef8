package dev.hearken.review.parse;

import dev.hearken.review.model.AuthorPseudonymizer;
import dev.hearken.review.model.Review;
import dev.hearken.review.model.ReviewSource;
import java.time.Instant;
import java.util.Map;

/**
 * Normalises a review message — {@code {"source", "appId", "review"}} (events/README.md, "review-ingest SQS
 * messages") — whatever its source.
 */
public final class ReviewParsers {

    private final AppStoreReviewParser appStore;
    private final GooglePlayReviewParser googlePlay;
    private final AppFollowReviewParser appFollow;

    public ReviewParsers(AuthorPseudonymizer authors, AppResolver apps) {
        this.appStore = new AppStoreReviewParser(authors);
        this.googlePlay = new GooglePlayReviewParser(authors);
        this.appFollow = new AppFollowReviewParser(authors, apps);
    }

    /**
     * @param source     {@code appstore}, {@code googleplay} or {@code appfollow}
     * @param appId      the store app id, required for the store APIs, optional for AppFollow
     * @param review     the provider's review object
     * @param receivedAt when the review entered Hearken (only used where the source gives no time)
     * @throws InvalidReviewException when the message cannot be normalised
     */
    public Review parse(String source, String appId, Map<String, Object> review, Instant receivedAt) {
        ReviewSource s = ReviewSource.fromCode(source);
        if (s == null) {
            throw new InvalidReviewException("unknown review source '" + source + "'");
        }
        if (review == null) {
            throw new InvalidReviewException("message has no review object");
        }
        if (s != ReviewSource.APPFOLLOW && (appId == null || appId.isBlank())) {
            throw new InvalidReviewException(s.code() + " message has no appId");
        }
        return switch (s) {
            case APPSTORE -> appStore.parse(appId, review);
            case GOOGLEPLAY -> googlePlay.parse(appId, review);
            case APPFOLLOW -> appFollow.parse(appId, review, receivedAt);
        };
    }
}
