package dev.hearken.review.ingest;

import java.util.Map;

/**
 * The body of a message on the reviews queue: {@code {"source":"appfollow|appstore|googleplay","appId":…,
 * "review":{…raw provider object…}}} (events/README.md). The poller and the webhook write it; the worker reads it.
 *
 * @param source the provider the review object comes from
 * @param appId  Apple ID or Play package; {@code null} for AppFollow's text messages, which carry none
 * @param review the provider's review object, unchanged
 */
public record ReviewMessage(String source, String appId, Map<String, Object> review) {
}
