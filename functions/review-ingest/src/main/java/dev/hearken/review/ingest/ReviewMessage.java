package dev.hearken.review.ingest;

import dev.hearken.review.parse.ProviderReview;

/**
 * What goes on the reviews queue: a provider's review for the worker to normalise. The poller and the webhook write
 * it; the worker reads it. On the queue it is {@code {"source":"appfollow|appstore|googleplay","appId":…,
 * "review":{…provider object…}}} (events/README.md), written and read by the queue adapter.
 *
 * @param appId  Apple ID or Play package; {@code null} for AppFollow's text messages, which carry none
 * @param review the provider's review object
 */
public record ReviewMessage(String appId, ProviderReview review) {

    /** {@code appstore}, {@code googleplay} or {@code appfollow}. */
    public String source() {
        return review.source().code();
    }
}
