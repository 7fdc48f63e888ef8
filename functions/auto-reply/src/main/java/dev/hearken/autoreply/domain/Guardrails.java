package dev.hearken.autoreply.domain;

import dev.hearken.reply.InboundMail;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The "never detach a user from a human" rules, checked again right before replying (the ticket may
 * have changed since ticket-classify decided): no automatic reply to priority, VIP, privacy or legal
 * tickets, to tickets in a protected group, to tickets someone already answered publicly, to closed
 * tickets, or to reviews that already have a developer response.
 *
 * <p>E-mail adds the rules every auto-responder needs (RFC 3834 §2): never answer mail that a machine
 * sent ({@code Auto-Submitted} other than {@code no}, {@code Precedence: bulk|list|junk}, mailing lists,
 * Exchange's {@code X-Auto-Response-Suppress}, bounces with an empty {@code Return-Path}, {@code noreply},
 * {@code mailer-daemon} or {@code postmaster} senders), never answer our own domains (loops), and never
 * answer a message a person already answered.
 *
 * @param blockedTags       tags that forbid automation ({@code vip}, {@code privacy}, …), compared case-insensitively;
 *                          for e-mail, the flags understanding set on the message
 * @param blockedGroups     Zendesk group ids whose tickets are never auto-answered
 * @param blockedPriorities ticket priorities never auto-answered ({@code urgent}, {@code high})
 * @param ownMailDomains    domains (and their subdomains) we send from: mail from there is never answered
 */
public record Guardrails(Set<String> blockedTags, Set<Long> blockedGroups, Set<String> blockedPriorities,
        Set<String> ownMailDomains) {

    private static final Pattern ROBOT_SENDER = Pattern.compile(
            "(no[-_.]?reply|do[-_.]?not[-_.]?reply|mailer[-_.]?daemon|postmaster|bounces?)([+._-].*)?");
    private static final Set<String> BULK_PRECEDENCE = Set.of("bulk", "list", "junk");

    /**
     * The defaults: the flags ticket-classify sets plus the usual Zendesk names for them. ticket-classify
     * puts {@code hearken_priority} on every flagged ticket, also when an end-user's follow-up raises a
     * flag after the ticket was handed here: that is how a pending reply is cancelled.
     */
    public static final Set<String> DEFAULT_BLOCKED_TAGS = Set.of("priority", "vip", "privacy", "gdpr", "legal",
            "legal_threat", "payment_problem", "hearken_priority", "hearken_vip", "hearken_privacy", "hearken_legal",
            "hearken_payment", "no_auto_reply");

    public Guardrails {
        blockedTags = lower(blockedTags);
        blockedGroups = blockedGroups == null ? Set.of() : Set.copyOf(blockedGroups);
        blockedPriorities = lower(blockedPriorities);
        ownMailDomains = lower(ownMailDomains);
    }

    /** Rules for tickets and reviews only (no own mail domain). */
    public Guardrails(Set<String> blockedTags, Set<Long> blockedGroups, Set<String> blockedPriorities) {
        this(blockedTags, blockedGroups, blockedPriorities, Set.of());
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

    /** The reason not to answer this e-mail automatically, or empty when it may be answered. */
    public Optional<String> check(InboundMail mail) {
        String address = mail.fromAddress();
        if (!MailAddress.isSendable(address)) {
            return Optional.of("unsendable_address");
        }
        if (ROBOT_SENDER.matcher(MailAddress.localPart(address)).matches()) {
            return Optional.of("robot_sender");
        }
        String domain = MailAddress.domain(address);
        if (ownMailDomains.stream().anyMatch(own -> domain.equals(own) || domain.endsWith("." + own))) {
            return Optional.of("own_domain");
        }
        String autoSubmitted = lowerHeader(mail, "auto-submitted");
        if (autoSubmitted != null && !autoSubmitted.isEmpty() && !autoSubmitted.startsWith("no")) {
            return Optional.of("auto_submitted");
        }
        String precedence = lowerHeader(mail, "precedence");
        if (precedence != null && BULK_PRECEDENCE.contains(precedence)) {
            return Optional.of("precedence:" + precedence);
        }
        if (mail.header("list-id") != null || mail.header("list-unsubscribe") != null) {
            return Optional.of("mailing_list");
        }
        String suppress = lowerHeader(mail, "x-auto-response-suppress");
        if (suppress != null && (suppress.contains("all") || suppress.contains("autoreply"))) {
            return Optional.of("auto_response_suppressed");
        }
        String returnPath = mail.header("return-path");
        if (returnPath != null && returnPath.replaceAll("\\s", "").equals("<>")) {
            return Optional.of("null_return_path"); // a bounce or another notification (RFC 5321 §4.5.5)
        }
        for (String flag : mail.flags()) {
            if (flag != null && blockedTags.contains(flag.toLowerCase(Locale.ROOT))) {
                return Optional.of("blocked_tag:" + flag.toLowerCase(Locale.ROOT));
            }
        }
        String status = mail.status() == null ? "" : mail.status().toLowerCase(Locale.ROOT);
        if (mail.humanRepliedAt() != null || status.equals("answered")) {
            return Optional.of("human_answered");
        }
        if (status.equals("closed")) {
            return Optional.of("status:closed");
        }
        return Optional.empty();
    }

    private static String lowerHeader(InboundMail mail, String name) {
        String value = mail.header(name);
        return value == null ? null : value.strip().toLowerCase(Locale.ROOT);
    }

    private static Set<String> lower(Set<String> values) {
        return values == null ? Set.of()
                : values.stream().map(v -> v.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }
}
