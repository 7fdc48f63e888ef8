package dev.hearken.autoreply.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearken.autoreply.domain.ReviewView;

/**
 * Request bodies and response readings of the two stores' review APIs, exactly as the contracts
 * describe them (appstoreconnect.md §4–5, googleplay.md §2–3); pure functions, tested against the
 * contracts' examples.
 */
public final class StoreResponses {

    private StoreResponses() {}

    /** {@code CustomerReviewResponseV1CreateRequest}: type, responseBody and the review relationship, all required. */
    public static ObjectNode appStoreResponse(ObjectMapper json, String reviewId, String text) {
        ObjectNode body = json.createObjectNode();
        ObjectNode data = body.putObject("data");
        data.put("type", "customerReviewResponses");
        data.putObject("attributes").put("responseBody", text);
        ObjectNode review = data.putObject("relationships").putObject("review").putObject("data");
        review.put("type", "customerReviews");
        review.put("id", reviewId);
        return body;
    }

    /**
     * A {@code GET /v1/customerReviews/{id}?include=response} document as a review: answered when the
     * response relationship has data or a {@code customerReviewResponses} object is included.
     */
    public static ReviewView appStoreReview(String app, JsonNode document) {
        JsonNode data = document.path("data");
        boolean answered = data.path("relationships").path("response").path("data").isObject();
        for (JsonNode included : document.path("included")) {
            if ("customerReviewResponses".equals(included.path("type").asText())) {
                answered = true;
            }
        }
        JsonNode attributes = data.path("attributes");
        return new ReviewView(app, data.path("id").asText(), attributes.path("rating").asInt(0),
                attributes.path("reviewerNickname").asText(null), answered);
    }

    /** {@code ReviewsReplyRequest}. */
    public static ObjectNode playReply(ObjectMapper json, String text) {
        ObjectNode body = json.createObjectNode();
        body.put("replyText", text);
        return body;
    }

    /** A {@code Review}: the star rating of its user comment; answered when any comment is a developer comment. */
    public static ReviewView playReview(String packageName, JsonNode review) {
        int rating = 0;
        boolean answered = false;
        for (JsonNode comment : review.path("comments")) {
            if (comment.has("userComment")) {
                rating = comment.path("userComment").path("starRating").asInt(rating);
            }
            if (comment.has("developerComment")) {
                answered = true;
            }
        }
        return new ReviewView(packageName, review.path("reviewId").asText(), rating,
                review.path("authorName").asText(null), answered);
    }
}
