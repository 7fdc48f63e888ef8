package dev.hearken.review.parse;

import static dev.hearken.review.parse.Fields.blankToNull;
import static dev.hearken.review.parse.Fields.rating;
import static dev.hearken.review.parse.Fields.required;

import dev.hearken.integrations.appstore.AppStoreResources.CustomerReview;
import dev.hearken.integrations.appstore.AppStoreResources.ReviewAttributes;
import dev.hearken.review.model.AuthorPseudonymizer;
import dev.hearken.review.model.Review;
import dev.hearken.review.model.ReviewSource;
import dev.hearken.review.model.Store;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

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

    public Review parse(String appId, CustomerReview resource) {
        if (!"customerReviews".equals(resource.type())) {
            throw new InvalidReviewException("App Store review is not a customerReviews resource");
        }
        String id = required(resource.id(), "id", "App Store review");
        ReviewAttributes a = resource.attributes();
        if (a == null) {
            throw new InvalidReviewException("App Store review " + id + " has no attributes");
        }
        String created = required(a.createdDate(), "createdDate", "App Store review " + id);
        boolean replied = resource.relationships() != null && resource.relationships().response() != null
                && resource.relationships().response().data() != null;
        try {
            return new Review(Store.APP_STORE, appId, id, ReviewSource.APPSTORE,
                    rating(a.rating(), "App Store review " + id),
                    blankToNull(a.title()), a.body(), null, blankToNull(a.territory()),
                    null, null, authors.pseudonym(Store.APP_STORE, a.reviewerNickname()),
                    OffsetDateTime.parse(created).toInstant(), null, replied);
        } catch (DateTimeParseException e) {
            throw new InvalidReviewException("App Store review " + id + " has an invalid createdDate");
        }
    }
}
