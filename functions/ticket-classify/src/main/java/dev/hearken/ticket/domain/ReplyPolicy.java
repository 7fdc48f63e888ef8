package dev.hearken.ticket.domain;

import java.util.Locale;
import java.util.Set;

/**
 * Which tickets may be handed to auto-reply: only a ticket that is not a priority ticket, not spam,
 * in a known language, with an intent auto-reply answers (dummy, known subscription questions,
 * how-to), decided with at least the configured confidence, and routed by a rule that says a canned
 * answer exists. Everything else stays with people.
 *
 * @param threshold minimum intent confidence, in [0, 1]
 * @param intents   intent labels auto-reply has answers for
 */
public record ReplyPolicy(double threshold, Set<String> intents) {

    public ReplyPolicy {
        if (threshold < 0 || threshold > 1) {
            throw new IllegalArgumentException("threshold must be in [0, 1]: " + threshold);
        }
        intents = intents.stream().map(i -> i.toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** The verdict and, when not eligible, the first reason. */
    public record Verdict(boolean eligible, String reason) {}

    public Verdict judge(Facts facts, Route route) {
        if (facts.isPriority()) {
            return new Verdict(false, "priority ticket " + facts.flags() + ": never auto-replied");
        }
        if (facts.spam() || route.spam()) {
            return new Verdict(false, "spam");
        }
        if (facts.language() == null || "und".equals(facts.language())) {
            return new Verdict(false, "language undetermined");
        }
        if (!intents.contains(facts.intent())) {
            return new Verdict(false, "intent " + facts.intent() + " has no automatic answer");
        }
        if (facts.intentConfidence() < threshold) {
            return new Verdict(false, String.format(Locale.ROOT, "intent confidence %.2f below %.2f",
                    facts.intentConfidence(), threshold));
        }
        if (!route.autoReply()) {
            return new Verdict(false, "rule " + route.ruleId() + " has no canned answer");
        }
        return new Verdict(true, "eligible: " + facts.intent() + " in " + facts.language());
    }
}
