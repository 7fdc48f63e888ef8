package dev.hearken.review.parse;

import dev.hearken.integrations.appstore.AppStoreResources.CustomerReview;
import dev.hearken.integrations.googleplay.GooglePlayResources;
import dev.hearken.review.model.ReviewSource;

/**
 * A provider's review object, typed, as the poller and the webhook hand it to the worker: one variant per source.
 * The store variants are the integration clients' records; AppFollow has no client, so its payload is
 * {@link AppFollowPayload}.
 */
public sealed interface ProviderReview {

    ReviewSource source();

    /** One {@code customerReviews} resource of App Store Connect (appstoreconnect.md §4). */
    record AppStore(CustomerReview resource) implements ProviderReview {

        @Override
        public ReviewSource source() {
            return ReviewSource.APPSTORE;
        }
    }

    /** One {@code Review} of Google Play's {@code reviews.list} (googleplay.md §3). */
    record GooglePlay(GooglePlayResources.Review review) implements ProviderReview {

        @Override
        public ReviewSource source() {
            return ReviewSource.GOOGLEPLAY;
        }
    }

    /** One AppFollow webhook delivery (appfollow.md §1). */
    record AppFollow(AppFollowPayload payload) implements ProviderReview {

        @Override
        public ReviewSource source() {
            return ReviewSource.APPFOLLOW;
        }
    }
}
