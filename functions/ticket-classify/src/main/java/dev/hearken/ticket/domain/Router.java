package dev.hearken.ticket.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides group, tags and priority from routing rules that are data ({@link RoutingRule}).
 *
 * <ol>
 *   <li>Priority flags win over everything, spam included (a privacy request that looks like spam is
 *       still a privacy request: nothing a user wrote is dropped). Flags are taken in the order
 *       privacy, legal, VIP, payment; the first flag with a rule decides the group, every flag adds its
 *       rule's tags, and the ticket gets {@value #PRIORITY_TAG} plus {@code hearken_<flag>}.</li>
 *   <li>Spam is tagged {@value #SPAM_TAG}; the configured {@link SpamAction} is applied by the caller.</li>
 *   <li>Otherwise the first non-flag rule, by order, whose intent/language/channel lists match.</li>
 * </ol>
 * Every routed ticket gets {@value #CLASSIFIED_TAG} and {@code hearken_intent_<intent>}.
 */
public final class Router {

    public static final String CLASSIFIED_TAG = "hearken_classified";
    public static final String PRIORITY_TAG = "hearken_priority";
    public static final String SPAM_TAG = "hearken_spam";
    public static final String UNROUTED_TAG = "hearken_unrouted";

    /** Flag precedence when several fire: the most sensitive team sees the ticket first. */
    static final List<Flag> PRECEDENCE = List.of(Flag.PRIVACY, Flag.LEGAL, Flag.VIP, Flag.PAYMENT);

    /** Routes {@code facts} with {@code rules} (any order; sorted here). */
    public Route route(Facts facts, List<RoutingRule> rules) {
        List<RoutingRule> ordered = rules.stream()
                .sorted(Comparator.comparingInt(RoutingRule::order).thenComparing(RoutingRule::ruleId))
                .toList();
        Set<String> tags = new LinkedHashSet<>();
        tags.add(CLASSIFIED_TAG);
        tags.add("hearken_intent_" + facts.intent());
        List<String> reasons = new ArrayList<>();

        if (facts.isPriority()) {
            return priorityRoute(facts, ordered, tags, reasons);
        }
        if (facts.spam()) {
            tags.add(SPAM_TAG);
            reasons.add("spam: no priority flag, handled by the spam action");
            return new Route(null, null, List.copyOf(tags), null, true, false, reasons);
        }
        for (RoutingRule rule : ordered) {
            if (rule.matches(facts.intent(), facts.language(), facts.channel())) {
                tags.addAll(rule.tags());
                reasons.add("rule " + rule.ruleId() + " matched intent=" + facts.intent() + " language="
                        + facts.language() + " channel=" + facts.channel());
                return new Route(rule.ruleId(), rule.groupId(), List.copyOf(tags), rule.priority(), false,
                        rule.autoReply(), reasons);
            }
        }
        tags.add(UNROUTED_TAG);
        reasons.add("no rule matched intent=" + facts.intent() + " language=" + facts.language());
        return new Route(null, null, List.copyOf(tags), null, false, false, reasons);
    }

    private static Route priorityRoute(Facts facts, List<RoutingRule> ordered, Set<String> tags, List<String> reasons) {
        tags.add(PRIORITY_TAG);
        RoutingRule deciding = null;
        String priority = null;
        for (Flag flag : PRECEDENCE) {
            if (!facts.flags().contains(flag)) {
                continue;
            }
            tags.add(flag.tag());
            RoutingRule rule = ordered.stream().filter(r -> flag.label().equals(r.flag())).findFirst().orElse(null);
            if (rule == null) {
                reasons.add("flag " + flag.label() + ": no rule, tagged only");
                continue;
            }
            tags.addAll(rule.tags());
            priority = Priorities.max(priority, rule.priority());
            if (deciding == null) {
                deciding = rule;
                reasons.add("flag " + flag.label() + ": rule " + rule.ruleId() + " decides the group");
            } else {
                reasons.add("flag " + flag.label() + ": rule " + rule.ruleId() + " adds its tags");
            }
        }
        // A priority ticket is never auto-replied, whatever a rule says.
        return new Route(deciding == null ? null : deciding.ruleId(), deciding == null ? null : deciding.groupId(),
                List.copyOf(tags), priority, false, false, reasons);
    }
}
