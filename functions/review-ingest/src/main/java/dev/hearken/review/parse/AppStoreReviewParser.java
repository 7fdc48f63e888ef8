package dev.hearken.review.parse;

import static dev.hearken.review.parse.JsonTree.blankToNull;
import static dev.hearken.review.parse.JsonTree.integer;
import static dev.hearken.review.parse.JsonTree.object;
import static dev.hearken.review.parse.JsonTree.rating;
import static dev.hearken.review.parse.JsonTree.required;
import static dev.hearken.review.parse.JsonTree.text;

import dev.hearken.review.model.AuthorPseudonymizer;
import dev.hearken.review.model.Review;
import dev.hearken.review.model.ReviewSource;
import dev.hearken.review.model.Store;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * One {@code customerReviews} resource of App Store Connect's {@code GET /v1/apps/{id}/customerReviews}
 * (appstoreconnect.md §4) as a {@link Review}. The resource carries no app version or device; a developer
 * response shows as {@code relationships.response.data}.
 */
public final class AppStoreReviewParser {

    private final AuthorPseudonymizer authors;

    public AppStoreReviewParser(AuthorPseudonymizer authors) {
        this.authors = authors;
    }

    public Review parse(String appId, Map<String, Object> resource) {
        if (!"customerReviews".equals(text(resource, "type"))) {
            throw new InvalidReviewException("App Store review is not a customerReviews resource");
        }
        String id = required(resource, "id", "App Store review");
        Map<String, Object> a = object(resource, "attributes");
        if (a == null) {
            throw new InvalidReviewException("App Store review " + id + " has no attributes");
        }
        String created = required(a, "createdDate", "App Store review " + id);
        Map<String, Object> response = object(object(resource, "relationships"), "response");
        boolean replied = object(response, "data") != null;
        try {
            return new Review(Store.APP_STORE, appId, id, ReviewSource.APPSTORE,
                    rating(integer(a, "rating"), "App Store review " + id),
                    blankToNull(text(a, "title")), text(a, "body"), null, blankToNull(text(a, "territory")),
                    null, null, authors.pseudonym(Store.APP_STORE, text(a, "reviewerNickname")),
                    OffsetDateTime.parse(created).toInstant(), null, replied);
        } catch (DateTimeParseException e) {
            throw new InvalidReviewException("App Store review " + id + " has an invalid createdDate");
        }
    }
}
