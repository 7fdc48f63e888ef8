package dev.hearken.review.parse;

import static dev.hearken.review.parse.JsonTree.blankToNull;
import static dev.hearken.review.parse.JsonTree.integer;
import static dev.hearken.review.parse.JsonTree.list;
import static dev.hearken.review.parse.JsonTree.object;
import static dev.hearken.review.parse.JsonTree.rating;
import static dev.hearken.review.parse.JsonTree.required;
import static dev.hearken.review.parse.JsonTree.text;

import dev.hearken.review.model.AuthorPseudonymizer;
import dev.hearken.review.model.Review;
import dev.hearken.review.model.ReviewSource;
import dev.hearken.review.model.Store;
import java.time.Instant;
import java.util.Map;

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

    @SuppressWarnings("unchecked")
    public Review parse(String packageName, Map<String, Object> review) {
        String id = required(review, "reviewId", "Play review");
        Map<String, Object> user = null;
        Map<String, Object> developer = null;
        for (Object c : list(review, "comments")) {
            if (c instanceof Map<?, ?> comment) {
                Map<String, Object> m = (Map<String, Object>) comment;
                if (user == null && object(m, "userComment") != null) {
                    user = object(m, "userComment");
                }
                if (developer == null && object(m, "developerComment") != null) {
                    developer = object(m, "developerComment");
                }
            }
        }
        if (user == null) {
            throw new InvalidReviewException("Play review " + id + " has no userComment");
        }
        Instant modified = timestamp(object(user, "lastModified"), "Play review " + id);
        Instant replied = developer == null ? null : timestamp(object(developer, "lastModified"), "Play reply " + id);
        String text = text(user, "text");
        String title = null;
        String body = text;
        int tab = text == null ? -1 : text.indexOf('\t');
        if (tab >= 0) {
            title = blankToNull(text.substring(0, tab));
            body = text.substring(tab + 1);
        }
        Map<String, Object> metadata = object(user, "deviceMetadata");
        String device = blankToNull(text(metadata, "productName"));
        if (device == null) {
            device = blankToNull(text(user, "device"));
        }
        return new Review(Store.GOOGLE_PLAY, packageName, id, ReviewSource.GOOGLEPLAY,
                rating(integer(user, "starRating"), "Play review " + id), title, body,
                locale(text(user, "reviewerLanguage")), null, blankToNull(text(user, "appVersionName")), device,
                authors.pseudonym(Store.GOOGLE_PLAY, text(review, "authorName")), modified,
                replied != null && replied.isBefore(modified) ? modified : null, developer != null);
    }

    /** Play's {@code pt_BR} as {@code pt-BR}. */
    private static String locale(String language) {
        return blankToNull(language) == null ? null : language.replace('_', '-');
    }

    /** A Google {@code Timestamp}: {@code seconds} as a string (int64) plus {@code nanos}. */
    private static Instant timestamp(Map<String, Object> ts, String what) {
        String seconds = text(ts, "seconds");
        if (seconds == null) {
            throw new InvalidReviewException(what + " has no lastModified");
        }
        try {
            Integer nanos = integer(ts, "nanos");
            return Instant.ofEpochSecond(Long.parseLong(seconds.strip()), nanos == null ? 0 : nanos);
        } catch (NumberFormatException e) {
            throw new InvalidReviewException(what + " has an invalid lastModified");
        }
    }
}
