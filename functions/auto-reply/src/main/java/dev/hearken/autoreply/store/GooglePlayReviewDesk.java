package dev.hearken.autoreply.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.autoreply.domain.ReplyChannel;
import dev.hearken.autoreply.domain.RejectedException;
import dev.hearken.autoreply.domain.ReviewDesk;
import dev.hearken.autoreply.domain.ReviewView;
import java.util.function.Supplier;

/**
 * {@link ReviewDesk} over the Google Play Developer API. The request's item id is
 * {@code <packageName>/<reviewId>} (review-ingest's format); {@code reviews.reply} creates or
 * updates the single developer reply, so a repeated call is idempotent in effect.
 */
public final class GooglePlayReviewDesk implements ReviewDesk {

    private final GooglePlayApi api;
    private final Supplier<String> bearer;
    private final ObjectMapper json;

    public GooglePlayReviewDesk(GooglePlayApi api, Supplier<String> bearer, ObjectMapper json) {
        this.api = api;
        this.bearer = bearer;
        this.json = json;
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
                HttpErrors.call("googleplay", () -> api.review(bearer.get(), packageName, reviewId)));
    }

    @Override
    public void reply(ReviewView review, String body) {
        HttpErrors.call("googleplay", () -> api.reply(bearer.get(), review.app(), review.reviewId(),
                StoreResponses.playReply(json, body)));
    }
}
