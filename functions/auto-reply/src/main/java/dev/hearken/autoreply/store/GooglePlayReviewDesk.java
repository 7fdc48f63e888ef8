package dev.hearken.autoreply.store;

import dev.hearken.autoreply.domain.ReplyChannel;
import dev.hearken.autoreply.domain.RejectedException;
import dev.hearken.autoreply.domain.ReviewDesk;
import dev.hearken.autoreply.domain.ReviewView;
import dev.hearken.integrations.googleplay.GooglePlayClient;

/**
 * {@link ReviewDesk} over the shared {@link GooglePlayClient}. The request's item id is
 * {@code <packageName>/<reviewId>} (review-ingest's format); {@code reviews.reply} creates or
 * updates the single developer reply, so a repeated call is idempotent in effect.
 */
public final class GooglePlayReviewDesk implements ReviewDesk {

    private final GooglePlayClient client;

    public GooglePlayReviewDesk(GooglePlayClient client) {
        this.client = client;
    }

    @Override
    public ReplyChannel channel() {
        return ReplyChannel.GOOGLE_PLAY;
    }

    @Override
    public ReviewView read(String itemId) {
        int slash = itemId.indexOf('/');
        if (slash <= 0 || slash == itemId.length() - 1) {
            throw new RejectedException("bad_play_item_id");
        }
        String packageName = itemId.substring(0, slash);
        String reviewId = itemId.substring(slash + 1);
        return StoreResponses.playReview(packageName,
                HttpErrors.call("googleplay", () -> client.review(packageName, reviewId)));
    }

    @Override
    public void reply(ReviewView review, String body) {
        HttpErrors.call("googleplay", () -> client.reply(review.app(), review.reviewId(), body));
    }
}
