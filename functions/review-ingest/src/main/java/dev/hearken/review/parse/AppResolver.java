package dev.hearken.review.parse;

import dev.hearken.review.model.Store;
import java.util.Optional;

/**
 * Finds a configured app's store id by the name AppFollow shows: AppFollow's text messages name the app but
 * carry no id (appfollow.md §1a).
 */
@FunctionalInterface
public interface AppResolver {

    Optional<String> appIdByName(Store store, String appName);
}
