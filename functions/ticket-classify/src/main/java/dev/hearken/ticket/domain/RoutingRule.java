package dev.hearken.ticket.domain;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One routing rule, as stored in the {@code routing-rules} table (seeded from
 * {@code infra/seed/tables/routing-rules.json}). A rule either handles a priority {@link Flag}
 * ({@code flag} set; the ticket's other attributes do not matter) or matches intent, language and
 * channel (each an any-of list; empty means any). Rules are tried by ascending {@code order}.
 *
 * @param ruleId    stable id, recorded in every decision it produced
 * @param order     evaluation order, lowest first
 * @param flag      the priority flag this rule handles ({@code privacy}, {@code legal}, {@code vip}, {@code payment}), or {@code null}
 * @param intents   intent labels ({@code subscription_billing}) this rule matches; empty = any
 * @param languages ISO 639-1 codes; empty = any
 * @param channels  Zendesk {@code via.channel} values; empty = any
 * @param groupId   the Zendesk group to assign, or {@code null} to leave the group alone
 * @param tags      tags to add
 * @param priority  Zendesk priority to raise the ticket to ({@code low}…{@code urgent}), or {@code null}
 * @param autoReply whether a canned answer exists for what this rule matches, so the ticket may be
 *                  handed to auto-reply if it is otherwise eligible; ignored for flag rules
 */
public record RoutingRule(String ruleId, int order, String flag, List<String> intents, List<String> languages,
        List<String> channels, Long groupId, List<String> tags, String priority, boolean autoReply) {

    public RoutingRule {
        Objects.requireNonNull(ruleId, "ruleId");
        flag = flag == null || flag.isBlank() ? null : flag.toLowerCase(Locale.ROOT);
        intents = lower(intents);
        languages = lower(languages);
        channels = lower(channels);
        tags = tags == null ? List.of() : List.copyOf(tags);
        priority = priority == null || priority.isBlank() ? null : priority.toLowerCase(Locale.ROOT);
        if (priority != null && !Priorities.isValid(priority)) {
            throw new InvalidConfigurationException("priority", "rule " + ruleId + ": priority must be one of "
                    + Priorities.ALL);
        }
    }

    /** Whether this rule handles a priority flag. */
    public boolean isFlagRule() {
        return flag != null;
    }

    /** Whether this (non-flag) rule matches the facts. */
    public boolean matches(String intent, String language, String channel) {
        return !isFlagRule() && anyOf(intents, intent) && anyOf(languages, language) && anyOf(channels, channel);
    }

    private static boolean anyOf(List<String> allowed, String value) {
        return allowed.isEmpty() || (value != null && allowed.contains(value.toLowerCase(Locale.ROOT)));
    }

    private static List<String> lower(List<String> values) {
        return values == null ? List.of() : values.stream().map(v -> v.toLowerCase(Locale.ROOT)).toList();
    }
}
