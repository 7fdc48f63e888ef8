package dev.hearken.ticket.admin;

import java.util.List;

/**
 * The body of {@code POST}/{@code PUT /admin/routing-rules…}: a {@link dev.hearken.ticket.domain.RoutingRule} as an
 * operator writes it, without its key ({@code ruleId}, from the path or taken out of a create's body) and the
 * version. Bound strictly: an unknown field, or a field of the wrong type, is a 400 naming it.
 *
 * @param order     evaluation order, lowest first; required
 * @param flag      {@code privacy}, {@code legal}, {@code vip} or {@code payment} for a flag rule, else absent
 * @param intents   intent labels the rule matches; absent or empty = any
 * @param languages ISO 639-1 codes; absent or empty = any
 * @param channels  Zendesk {@code via.channel} values; absent or empty = any
 * @param groupId   the Zendesk group to assign; absent = leave the group
 * @param tags      tags to add
 * @param priority  {@code low}…{@code urgent} to raise the ticket to; absent = leave it
 * @param autoReply whether a canned answer exists for what the rule matches; absent = false
 * @param note      what the rule is for, for people; at most {@value AdminText#MAX_NOTE} characters
 */
public record RuleBody(Integer order, String flag, List<String> intents, List<String> languages,
        List<String> channels, Long groupId, List<String> tags, String priority, Boolean autoReply, String note) {}
