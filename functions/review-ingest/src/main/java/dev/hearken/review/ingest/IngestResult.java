package dev.hearken.review.ingest;

import java.util.List;

/**
 * What ingesting one review did.
 *
 * @param reviewKey      {@code <store>#<appId>#<reviewId>}
 * @param outcome        new, edited, duplicate or finished after an interruption
 * @param previousRating the rating before an edit, else {@code null}
 * @param topicsCounted  topics whose impact counter this reviewer was added to
 * @param replyRule      the reply rule that sent a candidate to auto-reply, or {@code null}
 */
public record IngestResult(String reviewKey, ReviewStore.Outcome outcome, Integer previousRating,
        List<String> topicsCounted, String replyRule) {
}
