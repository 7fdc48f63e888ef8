package dev.hearken.review.parse;

import static dev.hearken.review.parse.Fields.blankToNull;
import static dev.hearken.review.parse.Fields.rating;
import static dev.hearken.review.parse.Fields.required;

import dev.hearken.integrations.googleplay.GooglePlayResources;
import dev.hearken.integrations.googleplay.GooglePlayResources.Comment;
import dev.hearken.integrations.googleplay.GooglePlayResources.DeveloperComment;
import dev.hearken.integrations.googleplay.GooglePlayResources.Timestamp;
import dev.hearken.integrations.googleplay.GooglePlayResources.UserComment;
import dev.hearken.review.model.AuthorPseudonymizer;
import dev.hearken.review.model.Review;
import dev.hearken.review.model.ReviewSource;
import dev.hearken.review.model.Store;
import java.time.Instant;
import java.util.List;

/**
 * One {@code Review} of Google Play's {@code reviews.list} (googleplay.md §3) as a {@link Review}.
 *
 * <p>Play joins title and body with a tab; it gives only the text's last-modified time. A user comment newer
 * than the developer's reply is an edit (the user changed the review after being answered), so its time is
 * also the edit time.
 */
public final class GooglePlayReviewParser {

    private final AuthorPseudonymizer authors;

    public GooglePlayReviewParser(AuthorPseudonymizer authors) {
        this.authors = authors;
    }

    public Review parse(String packageName, GooglePlayResources.Review review) {
        String id = required(review.reviewId(), "reviewId", "Play review");
        UserComment user = null;
        DeveloperComment developer = null;
        for (Comment comment : review.comments() == null ? List.<Comment>of() : review.comments()) {
            if (comment == null) {
                continue;
            }
            if (user == null && comment.userComment() != null) {
                user = comment.userComment();
            }
            if (developer == null && comment.developerComment() != null) {
                developer = comment.developerComment();
            }
        }
        if (user == null) {
            throw new InvalidReviewException("Play review " + id + " has no userComment");
        }
        Instant modified = timestamp(user.lastModified(), "Play review " + id);
        Instant replied = developer == null ? null : timestamp(developer.lastModified(), "Play reply " + id);
        String text = user.text();
        String title = null;
        String body = text;
        int tab = text == null ? -1 : text.indexOf('\t');
        if (tab >= 0) {
            title = blankToNull(text.substring(0, tab));
            body = text.substring(tab + 1);
        }
        String device = user.deviceMetadata() == null ? null : blankToNull(user.deviceMetadata().productName());
        if (device == null) {
            device = blankToNull(user.device());
        }
        return new Review(Store.GOOGLE_PLAY, packageName, id, ReviewSource.GOOGLEPLAY,
                rating(user.starRating(), "Play review " + id), title, body,
                locale(user.reviewerLanguage()), null, blankToNull(user.appVersionName()), device,
                authors.pseudonym(Store.GOOGLE_PLAY, review.authorName()), modified,
                replied != null && replied.isBefore(modified) ? modified : null, developer != null);
    }

    /** Play's {@code pt_BR} as {@code pt-BR}. */
    private static String locale(String language) {
        return blankToNull(language) == null ? null : language.replace('_', '-');
    }

    /** A Google {@code Timestamp}: {@code seconds} (an int64 sent as a string) plus {@code nanos}. */
    private static Instant timestamp(Timestamp ts, String what) {
        if (ts == null || ts.seconds() == null) {
            throw new InvalidReviewException(what + " has no lastModified");
        }
        return ts.instant();
    }
}
