package dev.hearken.review.poll;

/** Port: lists one app's reviews from a store, newest first. */
public interface StoreClient {

    /**
     * @param appId    the store app id
     * @param position {@code null} for the first page, else a {@link Page#next()} of an earlier call
     * @throws dev.hearken.integration.RateLimitedException on 429 (or when the store asks us to wait)
     */
    Page page(String appId, String position);
}
