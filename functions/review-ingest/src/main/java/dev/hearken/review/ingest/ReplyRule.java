package dev.hearken.review.ingest;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One rule of when a review is offered to auto-reply, and with which answer. Rules are data
 * ({@code review-reply-rules.json}); the first that matches wins.
 *
 * @param name          a readable name, logged with the decision
 * @param ratings       the star ratings it applies to
 * @param intents       intent labels it applies to; empty = any
 * @param topics        topic labels of which at least one must be present; empty = any
 * @param minConfidence the intent confidence needed
 * @param answer        the answer key auto-reply uses to pick its canned response (sent as the request's {@code intent})
 */
public record ReplyRule(String name, Set<Integer> ratings, Set<String> intents, Set<String> topics,
        double minConfidence, String answer) {

    public ReplyRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(answer, "answer");
        ratings = ratings == null ? Set.of() : Set.copyOf(ratings);
        intents = intents == null ? Set.of() : Set.copyOf(intents);
        topics = topics == null ? Set.of() : Set.copyOf(topics);
    }

    boolean matches(int rating, ReviewAnalysis a) {
        return ratings.contains(rating)
                && (intents.isEmpty() || intents.contains(a.intent()))
                && (topics.isEmpty() || a.topics().stream().anyMatch(topics::contains))
                && a.intentConfidence() >= minConfidence;
    }

    /** The first rule of {@code rules} matching, or {@code null}. */
    static ReplyRule first(List<ReplyRule> rules, int rating, ReviewAnalysis analysis) {
        for (ReplyRule r : rules) {
            if (r.matches(rating, analysis)) {
                return r;
            }
        }
        return null;
    }
}
