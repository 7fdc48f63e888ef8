package dev.hearken.review.ingest;

import java.util.List;

/**
 * What ingesting one review did.
 *
 * @param reviewKey          {@code <store>#<appId>#<reviewId>}
 * @param outcome            new, edited, duplicate or finished after an interruption
 * @param previousRating     the rating before an edit, else {@code null}
 * @param topicsCounted      topics whose impact counter this reviewer was added to
 * @param replyRule          the reply rule that sent a candidate to auto-reply, or {@code null}
 * @param escalated          the flags ({@code legal}, {@code privacy}) for which the review was handed to a person,
 *                           empty when it was not
 * @param escalationsThatDay when escalated: the app's escalated reviews on the review's day, this one included;
 *                           else 0
 */
public record IngestResult(String reviewKey, ReviewStore.Outcome outcome, Integer previousRating,
        List<String> topicsCounted, String replyRule, List<String> escalated, long escalationsThatDay) {

    public IngestResult {
        topicsCounted = List.copyOf(topicsCounted);
        escalated = List.copyOf(escalated);
    }

    /** One log line: what happened, never what the user wrote. */
    public String summary() {
        return "review " + reviewKey + ": " + outcome
                + (previousRating == null ? "" : " (rating was " + previousRating + ")")
                + ", topics counted " + topicsCounted
                + (replyRule == null ? "" : ", reply candidate by " + replyRule)
                + (escalated.isEmpty() ? "" : ", escalated to a person for " + escalated
                        + " (the app's escalations that day: " + escalationsThatDay + ")");
    }
}
