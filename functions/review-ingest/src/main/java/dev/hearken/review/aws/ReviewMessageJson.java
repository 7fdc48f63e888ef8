package dev.hearken.review.aws;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.hearken.integrations.appstore.AppStoreResources.CustomerReview;
import dev.hearken.integrations.googleplay.GooglePlayResources;
import dev.hearken.review.ingest.ReviewMessage;
import dev.hearken.review.model.ReviewSource;
import dev.hearken.review.parse.AppFollowPayload;
import dev.hearken.review.parse.InvalidReviewException;
import dev.hearken.review.parse.ProviderReview;

/**
 * The reviews queue body — {@code {"source","appId","review"}} (events/README.md) — to and from a
 * {@link ReviewMessage}. The review object binds to the record of its {@code source}: App Store Connect's
 * {@code CustomerReview} and Google Play's {@code Review} (the integration clients' records), or an
 * {@link AppFollowPayload} under AppFollow's snake_case names.
 *
 * <p>Fields no record declares are ignored, so a message enqueued before the records existed — the provider's
 * whole object — reads the same as one written now, which carries the object as far as the records declare it
 * (absent fields left out).
 */
public final class ReviewMessageJson {

    private final ObjectMapper json;
    private final ObjectMapper appFollow;

    public ReviewMessageJson(ObjectMapper json) {
        this.json = json.copy()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
        this.appFollow = this.json.copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    }

    /** The queue body of {@code message}. */
    public String write(ReviewMessage message) {
        JsonNode review = switch (message.review()) {
            case ProviderReview.AppStore a -> json.valueToTree(a.resource());
            case ProviderReview.GooglePlay g -> json.valueToTree(g.review());
            case ProviderReview.AppFollow f -> appFollow.valueToTree(f.payload());
        };
        try {
            return json.writeValueAsString(new Body(message.source(), message.appId(), review));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("review message is not serialisable", e);
        }
    }

    /**
     * A queue body as a message.
     *
     * @throws JsonProcessingException when the body, or its review object, is not JSON of the expected shape
     * @throws InvalidReviewException  when it names no known source or carries no review object
     */
    public ReviewMessage read(String body) throws JsonProcessingException {
        Body b = json.readValue(body, Body.class);
        if (b == null) {
            throw new InvalidReviewException("empty message");
        }
        ReviewSource source = ReviewSource.fromCode(b.source());
        if (source == null) {
            throw new InvalidReviewException("unknown review source '" + b.source() + "'");
        }
        if (b.review() == null || b.review().isNull()) {
            throw new InvalidReviewException("message has no review object");
        }
        ProviderReview review = switch (source) {
            case APPSTORE -> new ProviderReview.AppStore(json.treeToValue(b.review(), CustomerReview.class));
            case GOOGLEPLAY -> new ProviderReview.GooglePlay(json.treeToValue(b.review(), GooglePlayResources.Review.class));
            case APPFOLLOW -> new ProviderReview.AppFollow(appFollow.treeToValue(b.review(), AppFollowPayload.class));
        };
        return new ReviewMessage(b.appId(), review);
    }

    /** An AppFollow webhook body (appfollow.md §1) as its payload record. */
    public AppFollowPayload appFollow(String body) throws JsonProcessingException {
        return appFollow.readValue(body, AppFollowPayload.class);
    }

    /** The body as it is on the queue; {@code review} binds once {@code source} is known. */
    public record Body(String source, String appId, JsonNode review) {
    }
}
