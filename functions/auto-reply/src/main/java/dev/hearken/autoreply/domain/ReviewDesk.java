package dev.hearken.autoreply.domain;

import dev.hearken.integration.RateLimitedException;

/**
 * Port: one store's review API (App Store Connect, Google Play). Both replace the single developer
 * response, so a repeated call is idempotent in effect. Implementations throw
 * {@link RateLimitedException} on 429 and {@link RejectedException} on a 4xx that cannot succeed.
 */
public interface ReviewDesk {

    /** The channel this desk serves. */
    ReplyChannel channel();

    /** The review as it is now; {@code itemId} is the request's item id. */
    ReviewView read(String itemId);

    /** Publishes {@code body} as the developer response. */
    void reply(ReviewView review, String body);
}
