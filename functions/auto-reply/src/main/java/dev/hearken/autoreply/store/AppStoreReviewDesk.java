package dev.hearken.autoreply.store;

import dev.hearken.autoreply.domain.ReplyChannel;
import dev.hearken.autoreply.domain.ReviewDesk;
import dev.hearken.autoreply.domain.ReviewView;
import dev.hearken.integrations.appstore.AppStoreConnectClient;

/**
 * {@link ReviewDesk} over the shared {@link AppStoreConnectClient}. The request's item id is the review id; the response
 * replaces any earlier one (one response per review), so a repeated call is idempotent in effect.
 * The app is not part of the review resource, so daily caps for the App Store count per account.
 */
public final class AppStoreReviewDesk implements ReviewDesk {

    private final AppStoreConnectClient client;

    public AppStoreReviewDesk(AppStoreConnectClient client) {
        this.client = client;
    }

    @Override
    public ReplyChannel channel() {
        return ReplyChannel.APP_STORE;
    }

    @Override
    public ReviewView read(String itemId) {
        return StoreResponses.appStoreReview("account", HttpErrors.call("appstore", () -> client.review(itemId)));
    }

    @Override
    public void reply(ReviewView review, String body) {
        HttpErrors.call("appstore", () -> client.respond(review.reviewId(), body));
    }
}
