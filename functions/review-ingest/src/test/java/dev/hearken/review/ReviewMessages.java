package dev.hearken.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.review.aws.ReviewMessageJson;
import dev.hearken.review.ingest.ReviewMessage;
import dev.hearken.review.parse.ProviderReview;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Provider review objects written as JSON, as the worker reads them off the reviews queue. */
public final class ReviewMessages {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ReviewMessageJson MESSAGES = new ReviewMessageJson(JSON);

    private ReviewMessages() {}

    /** The queue body {@code {"source","appId","review"}} with {@code review} (maps, lists, scalars), read back. */
    public static ReviewMessage of(String source, String appId, Object review) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("source", source);
        body.put("appId", appId);
        body.put("review", review);
        try {
            return read(JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The provider review of {@link #of}. */
    public static ProviderReview review(String source, Object review) {
        return of(source, "app", review).review();
    }

    /** A queue body as the worker reads it. */
    public static ReviewMessage read(String body) {
        try {
            return MESSAGES.read(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A queue body as the queue adapter writes it. */
    public static String write(ReviewMessage message) {
        return MESSAGES.write(message);
    }
}
