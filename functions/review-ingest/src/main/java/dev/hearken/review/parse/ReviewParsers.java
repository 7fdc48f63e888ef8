package dev.hearken.review.parse;

import dev.hearken.review.model.AuthorPseudonymizer;
import dev.hearken.review.model.Review;
import dev.hearken.review.model.ReviewApp;
import dev.hearken.review.model.Store;
import java.time.Instant;
import java.util.Optional;

/** Normalises a provider's review, whatever its source (events/README.md, "review-ingest SQS messages"). */
public final class ReviewParsers {

    private final AppStoreReviewParser appStore;
    private final GooglePlayReviewParser googlePlay;
    private final AppFollowReviewParser appFollow;
    private final AppResolver apps;

    public ReviewParsers(AuthorPseudonymizer authors, AppResolver apps) {
        this.apps = apps;
        this.appStore = new AppStoreReviewParser(authors);
        this.googlePlay = new GooglePlayReviewParser(authors);
        this.appFollow = new AppFollowReviewParser(authors, apps);
    }

    /** What an operator configured about the app of a review (the parsers resolve apps anyway), if anything. */
    public Optional<ReviewApp> configuredApp(Store store, String appId) {
        return apps.app(store, appId);
    }

    /**
     * @param appId      the store app id, required for the store APIs, optional for AppFollow
     * @param review     the provider's review object
     * @param receivedAt when the review entered Hearken (only used where the source gives no time)
     * @throws InvalidReviewException when the message cannot be normalised
     */
    public Review parse(String appId, ProviderReview review, Instant receivedAt) {
        if (review == null) {
            throw new InvalidReviewException("message has no review object");
        }
        if (!(review instanceof ProviderReview.AppFollow) && (appId == null || appId.isBlank())) {
            throw new InvalidReviewException(review.source().code() + " message has no appId");
        }
        return switch (review) {
            case ProviderReview.AppStore a when a.resource() != null -> appStore.parse(appId, a.resource());
            case ProviderReview.GooglePlay g when g.review() != null -> googlePlay.parse(appId, g.review());
            case ProviderReview.AppFollow f when f.payload() != null -> appFollow.parse(appId, f.payload(), receivedAt);
            default -> throw new InvalidReviewException("message has no review object");
        };
    }
}
