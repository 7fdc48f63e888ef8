package dev.hearken.review.parse;

import dev.hearken.review.model.ReviewApp;
import dev.hearken.review.model.Store;
import java.util.Optional;

/**
 * The configured apps: by the name AppFollow shows (AppFollow's text messages name the app but carry no id,
 * appfollow.md §1a), and by id, for what an operator configured about an app (its reply languages).
 */
@FunctionalInterface
public interface AppResolver {

    Optional<String> appIdByName(Store store, String appName);

    /** The configured app, if it is one; none by default (a resolver of names only). */
    default Optional<ReviewApp> app(Store store, String appId) {
        return Optional.empty();
    }
}
