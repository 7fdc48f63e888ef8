package dev.hearken.autoreply.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.autoreply.domain.ReplyChannel;
import dev.hearken.autoreply.domain.ReviewDesk;
import dev.hearken.autoreply.domain.ReviewView;
import java.util.function.Supplier;

/**
 * {@link ReviewDesk} over App Store Connect. The request's item id is the review id; the response
 * replaces any earlier one (one response per review), so a repeated call is idempotent in effect.
 * The app is not part of the review resource, so daily caps for the App Store count per account.
 */
public final class AppStoreReviewDesk implements ReviewDesk {

    private final AppStoreApi api;
    private final Supplier<String> bearer;
    private final ObjectMapper json;

    public AppStoreReviewDesk(AppStoreApi api, Supplier<String> bearer, ObjectMapper json) {
        this.api = api;
        this.bearer = bearer;
        this.json = json;
    }

    @Override
    public ReplyChannel channel() {
        return ReplyChannel.APP_STORE;
    }

    @Override
    public ReviewView read(String itemId) {
        return StoreResponses.appStoreReview("account",
                HttpErrors.call("appstore", () -> api.review(bearer.get(), itemId, "response")));
    }

    @Override
    public void reply(ReviewView review, String body) {
        HttpErrors.call("appstore", () -> api.respond(bearer.get(),
                StoreResponses.appStoreResponse(json, review.reviewId(), body)));
    }
}
