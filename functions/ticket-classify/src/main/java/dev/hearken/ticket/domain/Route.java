package dev.hearken.ticket.domain;

import java.util.List;

/**
 * Where a ticket goes: the outcome of {@link Router#route}.
 *
 * @param ruleId    the rule that decided ({@code null} when none matched)
 * @param groupId   group to assign, or {@code null} to leave it
 * @param tags      tags to add
 * @param priority  priority to raise to, or {@code null}
 * @param spam      handled as spam (the spam action applies, no group change)
 * @param autoReply whether the rule allows an automatic answer (eligibility is decided by {@link ReplyPolicy})
 * @param reasons   why, one line per step, for the decision log
 */
public record Route(String ruleId, Long groupId, List<String> tags, String priority, boolean spam, boolean autoReply,
        List<String> reasons) {

    public Route {
        tags = List.copyOf(tags);
        reasons = List.copyOf(reasons);
    }
}
