package dev.hearken.review.webhook;

import dev.hearken.review.ingest.ReviewMessage;
import dev.hearken.review.ingest.ReviewQueue;
import dev.hearken.review.parse.AppFollowPayload;
import dev.hearken.review.parse.AppFollowReviewParser;
import dev.hearken.review.parse.ProviderReview;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.function.Supplier;

/**
 * Accepts AppFollow webhook deliveries. AppFollow documents no request signing (appfollow.md §1a), so the URL
 * carries a shared secret token ({@code ?token=…}) compared in constant time with the one in Secrets Manager —
 * a provisional mechanism, see events/README.md. A delivery whose shape the edge has checked is enqueued as it
 * came (as far as the worker reads it); the worker normalises it.
 */
public final class AppFollowWebhook {

    /** What happened to a delivery. */
    public enum Outcome {
        /** Enqueued for the worker. */
        ACCEPTED,
        /** AppFollow's "integration successful" message: nothing to ingest. */
        TEST_PING
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

    /**
     * Handles an authenticated delivery of one of the two known shapes.
     *
     * @param appId the app's store id when the delivery names it (the structured form), else {@code null}
     * @param body  the delivery
     */
    public Result accept(String appId, AppFollowPayload body) {
        if (AppFollowReviewParser.isTestPing(body.text())) {
            return new Result(Outcome.TEST_PING, null);
        }
        return new Result(Outcome.ACCEPTED, queue.send(new ReviewMessage(appId, new ProviderReview.AppFollow(body))));
    }
}
