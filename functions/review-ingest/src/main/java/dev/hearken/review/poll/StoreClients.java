package dev.hearken.review.poll;

import dev.hearken.review.model.Store;

/** Port: the client of a store that signs with an app's credentials. */
@FunctionalInterface
public interface StoreClients {

    /**
     * @param credentials the app's credentials secret (name or ARN), or {@code null} for the store's default
     * @return the client, or {@code null} when the store has none
     */
    StoreClient client(Store store, String credentials);
}
