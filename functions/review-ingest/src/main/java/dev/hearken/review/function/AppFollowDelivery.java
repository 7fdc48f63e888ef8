package dev.hearken.review.function;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.hearken.aws.http.BadRequestException;
import dev.hearken.review.parse.AppFollowReviewParser;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The two shapes of an AppFollow webhook delivery (appfollow.md §1), checked at the edge so that a delivery the
 * worker cannot normalise is a 400 to AppFollow instead of a dead letter: the "WebHook URL" text message
 * ({@code {"text": …}}, at least {@value AppFollowReviewParser#MIN_TEXT_LINES} lines unless it is the test
 * message) or the structured form ({@code {"app": …, "review": {…}}}). Fields the worker does not read are
 * ignored: AppFollow's payloads are not specified and grow.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record AppFollowDelivery(String text, Review review) {

    AppFollowDelivery {
        if (review == null && text == null) {
            throw new BadRequestException("text",
                    "body is neither AppFollow's {\"text\": …} message nor a {\"review\": …} object");
        }
        if (review == null && !AppFollowReviewParser.isTestPing(text)
                && text.strip().split("\n", -1).length < AppFollowReviewParser.MIN_TEXT_LINES) {
            throw new BadRequestException("text", "text is not an AppFollow review message (app, store, stars, body)");
        }
    }

    /** The app's store id when the delivery names it (the structured form); text messages carry none. */
    String appId() {
        return review == null ? null : review.extId().value();
    }

    /** The structured review: the fields the worker needs to normalise it (appfollow.md §2). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Review(@JsonProperty("review_id") Id reviewId, @JsonProperty("ext_id") Id extId, String store, String date,
            Integer rating) {

        Review {
            if (reviewId == null) {
                throw new BadRequestException("review_id", "review_id is required");
            }
            if (extId == null) {
                throw new BadRequestException("ext_id", "ext_id is required");
            }
            if (!"as".equals(store) && !"gp".equals(store)) {
                throw new BadRequestException("store", "store must be \"as\" or \"gp\"");
            }
            if (date == null || !isDate(date)) {
                throw new BadRequestException("date", "date must be a day YYYY-MM-DD");
            }
            if (rating == null || rating < 1 || rating > 5) {
                throw new BadRequestException("rating", "rating must be an integer 1-5");
            }
        }

        private static boolean isDate(String date) {
            try {
                LocalDate.parse(date);
                return true;
            } catch (DateTimeParseException e) {
                return false;
            }
        }
    }

    /** A store id: AppFollow sends review and app ids as integers, or as strings for Google Play (§2). */
    record Id(String value) {

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static Id of(Object raw) {
            if (raw instanceof String s && !s.isBlank()) {
                return new Id(s.strip());
            }
            if (raw instanceof Integer || raw instanceof Long || raw instanceof BigInteger) {
                return new Id(raw.toString());
            }
            throw new BadRequestException(null, "must be a non-blank string or an integer");
        }
    }
}
