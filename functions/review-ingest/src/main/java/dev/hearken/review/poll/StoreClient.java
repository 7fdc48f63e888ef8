package dev.hearken.review.poll;

/** Port: lists one app's reviews from a store, newest first. */
public interface StoreClient {

    /**
     * @param appId    the store app id
     * @param position {@code null} for the first page, else a {@link Page#next()} of an earlier call
     * @throws RateLimitedException on 429
     */
    Page page(String appId, String position);
}
