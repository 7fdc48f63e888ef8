package dev.hearken.ticket.domain;

import dev.hearken.understanding.Intent;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What an operator may write as a {@link RoutingRule}: only rules the {@link Router} uses as they read, and never
 * one that says a priority ticket may be answered automatically. The worker reads the table leniently (an unknown
 * flag or intent simply never matches); this check is what keeps such rules out of it in the first place.
 *
 * <p>The golden rule does not depend on this check: the {@link Router} never lets a flagged ticket reach a
 * non-flag rule and gives every priority route {@code autoReply = false}, and {@link ReplyPolicy} refuses any
 * flagged ticket before it looks at the route. Deleting or reordering rules therefore cannot make a privacy, legal,
 * VIP or payment ticket eligible. The check refuses the rules that would say otherwise ({@code autoReply} on a flag
 * rule, or on the privacy and legal intents, which always raise their flag), so the table never claims it.
 */
public final class RoutingRuleCheck {

    /** Highest {@code order} accepted; the shipped rules use 10 to 1000. */
    public static final int MAX_ORDER = 1_000_000;
    /** Tags Hearken writes from its own decisions ({@code hearken_priority}, {@code hearken_privacy}): not for rules. */
    public static final String RESERVED_TAG_PREFIX = "hearken_";

    private static final Set<String> FLAGS = Arrays.stream(Flag.values()).map(Flag::label)
            .collect(Collectors.toUnmodifiableSet());
    private static final Set<String> INTENTS = Arrays.stream(Intent.values()).map(Intent::label)
            .collect(Collectors.toUnmodifiableSet());
    /** Intents that always raise a priority flag ({@link Facts#of}): a rule for them can never answer. */
    private static final Set<String> FLAGGED_INTENTS = Set.of(Intent.PRIVACY_REQUEST.label(), Intent.LEGAL.label());
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");
    private static final Pattern CHANNEL = Pattern.compile("[a-z][a-z0-9_]{0,39}");
    /**
     * Zendesk tags: it lower-cases them and splits on spaces (zendesk.md §9a renders them space-separated), so a
     * rule's tag is lower-case ASCII letters, digits, {@code _ - :}, at most 80 characters.
     */
    private static final Pattern TAG = Pattern.compile("[a-z0-9][a-z0-9_:-]{0,79}");

    private RoutingRuleCheck() {}

    /**
     * {@code rule} when the router can use it as written; otherwise an {@link InvalidConfigurationException}
     * naming the field.
     */
    public static RoutingRule check(RoutingRule rule) {
        if (rule.order() < 0 || rule.order() > MAX_ORDER) {
            throw new InvalidConfigurationException("order", "order must be 0-" + MAX_ORDER);
        }
        if (rule.groupId() != null && rule.groupId() <= 0) {
            throw new InvalidConfigurationException("groupId", "groupId must be a positive Zendesk group id");
        }
        if (rule.isFlagRule()) {
            checkFlagRule(rule);
        } else {
            checkIntentRule(rule);
        }
        for (String tag : rule.tags()) {
            if (tag == null || !TAG.matcher(tag).matches()) {
                throw new InvalidConfigurationException("tags", "each tag must be 1-80 lower-case letters, digits"
                        + " or _ - :, starting with a letter or digit (Zendesk lower-cases tags and splits on spaces)");
            }
            if (tag.startsWith(RESERVED_TAG_PREFIX)) {
                throw new InvalidConfigurationException("tags", "tags starting with " + RESERVED_TAG_PREFIX
                        + " are Hearken's own (they record its decisions and flags)");
            }
        }
        return rule;
    }

    private static void checkFlagRule(RoutingRule rule) {
        if (!FLAGS.contains(rule.flag())) {
            throw new InvalidConfigurationException("flag", "flag must be one of " + sorted(FLAGS));
        }
        if (rule.autoReply()) {
            throw new InvalidConfigurationException("autoReply", "a " + rule.flag() + " ticket is never answered"
                    + " automatically: a flag rule must have autoReply false");
        }
        matchesNothingElse("intents", rule.intents());
        matchesNothingElse("languages", rule.languages());
        matchesNothingElse("channels", rule.channels());
    }

    private static void checkIntentRule(RoutingRule rule) {
        for (String intent : rule.intents()) {
            if (!INTENTS.contains(intent)) {
                throw new InvalidConfigurationException("intents", "each intent must be one of " + sorted(INTENTS));
            }
            if (rule.autoReply() && FLAGGED_INTENTS.contains(intent)) {
                throw new InvalidConfigurationException("autoReply", intent + " tickets are priority tickets and"
                        + " never answered automatically: this rule must have autoReply false");
            }
        }
        for (String language : rule.languages()) {
            if (!LANGUAGE.matcher(language).matches()) {
                throw new InvalidConfigurationException("languages", "each language must be an ISO 639-1 code (en)");
            }
        }
        for (String channel : rule.channels()) {
            if (!CHANNEL.matcher(channel).matches()) {
                throw new InvalidConfigurationException("channels", "each channel must be a Zendesk via.channel"
                        + " value (web, email, mobile_sdk)");
            }
        }
    }

    private static void matchesNothingElse(String field, List<String> values) {
        if (!values.isEmpty()) {
            throw new InvalidConfigurationException(field, "a flag rule matches on its flag only: " + field
                    + " must be empty");
        }
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }
}
