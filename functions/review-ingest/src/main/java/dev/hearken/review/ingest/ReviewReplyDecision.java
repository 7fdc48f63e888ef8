package dev.hearken.review.ingest;

import java.util.List;

/**
 * Whether a review is offered to auto-reply, and with which rule: never when the developer already replied, never
 * for spam or a priority review (privacy, legal, payment: those go to a person), never without a store id to answer
 * to or without text, never in an undetermined language; otherwise the first matching {@link ReplyRule}. Used by
 * {@link ReviewIngestService} and by {@code make explain}.
 */
public final class ReviewReplyDecision {

    private ReviewReplyDecision() {
    }

    /** The decision and its reason; {@code rule} is set when eligible. */
    public record Verdict(boolean eligible, String reason, ReplyRule rule) {
    }

    /**
     * @param rules            the reply rules, first match wins
     * @param rating           the review's stars
     * @param a                what the understanding library decided
     * @param developerReplied whether the developer already answered the review
     * @param answerable       whether the review has a store id a reply can be posted to (AppFollow text messages do not)
     * @param hasText          whether the review has words
     */
    public static Verdict decide(List<ReplyRule> rules, int rating, ReviewAnalysis a, boolean developerReplied,
            boolean answerable, boolean hasText) {
        if (a.priority()) {
            return new Verdict(false, "priority review " + a.flags() + ": never auto-replied", null);
        }
        if (a.spam()) {
            return new Verdict(false, "spam", null);
        }
        if (developerReplied) {
            return new Verdict(false, "the developer already replied", null);
        }
        if (!answerable) {
            return new Verdict(false, "no store review to answer to", null);
        }
        if (!hasText) {
            return new Verdict(false, "no text", null);
        }
        if ("und".equals(a.language())) {
            return new Verdict(false, "language undetermined", null);
        }
        ReplyRule rule = ReplyRule.first(rules, rating, a);
        return rule == null
                ? new Verdict(false, "no reply rule for " + rating + "★ " + a.intent() + " at "
                        + String.format(java.util.Locale.ROOT, "%.2f", a.intentConfidence()), null)
                : new Verdict(true, "eligible: rule " + rule.name(), rule);
    }
}
