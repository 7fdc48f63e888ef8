package dev.hearken.review.webhook;

import dev.hearken.review.ingest.ReviewMessage;
import dev.hearken.review.ingest.ReviewQueue;
import dev.hearken.review.parse.AppFollowReviewParser;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Accepts AppFollow webhook deliveries. AppFollow documents no request signing (appfollow.md §1a), so the URL
 * carries a shared secret token ({@code ?token=…}) compared in constant time with the one in Secrets Manager —
 * a provisional mechanism, see events/README.md. A delivery is enqueued as it came; the worker normalises it.
 */
public final class AppFollowWebhook {

    /** What happened to a delivery. */
    public enum Outcome {
        /** Enqueued for the worker. */
        ACCEPTED,
        /** AppFollow's "integration successful" message: nothing to ingest. */
        TEST_PING,
        /** Missing or wrong token. */
        UNAUTHORIZED,
        /** Neither of the two known body shapes. */
        NOT_A_REVIEW
    }

    /** @param messageId the queue message id when accepted */
    public record Result(Outcome outcome, String messageId) {
    }

    private final Supplier<String> expectedToken;
    private final ReviewQueue queue;

    public AppFollowWebhook(Supplier<String> expectedToken, ReviewQueue queue) {
        this.expectedToken = expectedToken;
        this.queue = queue;
    }

    /** Whether {@code token} is the configured one (constant time). */
    public boolean authorised(String token) {
        if (token == null || token.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                expectedToken.get().getBytes(StandardCharsets.UTF_8));
    }

    /** Handles an authenticated delivery whose body parsed as a JSON object. */
    @SuppressWarnings("unchecked")
    public Result accept(Map<String, Object> body) {
        if (AppFollowReviewParser.isTestPing(body)) {
            return new Result(Outcome.TEST_PING, null);
        }
        if (!AppFollowReviewParser.looksLikeReview(body)) {
            return new Result(Outcome.NOT_A_REVIEW, null);
        }
        String appId = null;
        if (body.get("review") instanceof Map<?, ?> review && review.get("ext_id") != null) {
            appId = review.get("ext_id").toString();
        }
        return new Result(Outcome.ACCEPTED, queue.send(new ReviewMessage("appfollow", appId, body)));
    }
}
