package dev.hearken.autoreply.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The "never detach a user from a human" rules, checked again right before replying (the ticket may
 * have changed since ticket-classify decided): no automatic reply to priority, VIP, privacy or legal
 * tickets, to tickets in a protected group, to tickets someone already answered publicly, to closed
 * tickets, or to reviews that already have a developer response.
 *
 * @param blockedTags       tags that forbid automation ({@code vip}, {@code privacy}, …), compared case-insensitively
 * @param blockedGroups     Zendesk group ids whose tickets are never auto-answered
 * @param blockedPriorities ticket priorities never auto-answered ({@code urgent}, {@code high})
 */
public record Guardrails(Set<String> blockedTags, Set<Long> blockedGroups, Set<String> blockedPriorities) {

    /** The defaults: the flags ticket-classify sets plus the usual Zendesk names for them. */
    public static final Set<String> DEFAULT_BLOCKED_TAGS = Set.of("priority", "vip", "privacy", "gdpr", "legal",
            "legal_threat", "payment_problem", "hearken_priority", "hearken_vip", "hearken_privacy", "hearken_legal",
            "no_auto_reply");

    public Guardrails {
        blockedTags = lower(blockedTags);
        blockedGroups = blockedGroups == null ? Set.of() : Set.copyOf(blockedGroups);
        blockedPriorities = lower(blockedPriorities);
    }

    /** The reason not to answer this ticket automatically, or empty when it may be answered. */
    public Optional<String> check(TicketView ticket) {
        for (String tag : ticket.tags()) {
            if (blockedTags.contains(tag.toLowerCase(Locale.ROOT))) {
                return Optional.of("blocked_tag:" + tag.toLowerCase(Locale.ROOT));
            }
        }
        if (ticket.priority() != null && blockedPriorities.contains(ticket.priority().toLowerCase(Locale.ROOT))) {
            return Optional.of("priority:" + ticket.priority().toLowerCase(Locale.ROOT));
        }
        if (ticket.groupId() != null && blockedGroups.contains(ticket.groupId())) {
            return Optional.of("blocked_group");
        }
        if (ticket.publicReplyByOther()) {
            return Optional.of("agent_answered");
        }
        String status = ticket.status() == null ? "" : ticket.status().toLowerCase(Locale.ROOT);
        if (status.equals("solved") || status.equals("closed")) {
            return Optional.of("status:" + status);
        }
        return Optional.empty();
    }

    /** The reason not to answer this review automatically, or empty when it may be answered. */
    public Optional<String> check(ReviewView review) {
        return review.answered() ? Optional.of("already_answered") : Optional.empty();
    }

    private static Set<String> lower(Set<String> values) {
        return values == null ? Set.of()
                : values.stream().map(v -> v.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }
}
