package dev.hearken.ticket.domain;

import static dev.hearken.ticket.domain.RouterTest.facts;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The golden rule against whatever operators do to the rules: a privacy, legal, VIP or payment ticket is never
 * eligible for an automatic answer, whichever rules are deleted, reordered or added with {@code autoReply}.
 */
class GoldenRuleTest {

    private final ReplyPolicy policy = new ReplyPolicy(0.6, Set.of("dummy", "subscription_billing", "how_to"));
    private final Router router = new Router();

    /** Before every other rule, matching anything, with a canned answer: the worst rule an operator could add. */
    private static final RoutingRule ANSWER_EVERYTHING = new RoutingRule("answer-everything", 0, null, List.of(),
            List.of(), List.of(), 1L, List.of("answered"), null, true);

    @Test
    void a_catch_all_auto_reply_rule_first_in_order_answers_an_ordinary_how_to_so_it_is_live() {
        Facts howTo = facts("en", "how_to", false);

        Route route = router.route(howTo, with(Rules.all(), ANSWER_EVERYTHING));

        assertThat(route.ruleId()).isEqualTo("answer-everything");
        assertThat(policy.judge(howTo, route).eligible()).isTrue();
    }

    @Test
    void no_flagged_ticket_is_answered_with_its_flag_rule_deleted_the_rules_reordered_or_a_catch_all_auto_reply_first() {
        for (Flag flag : Flag.values()) {
            Facts flagged = facts("en", "how_to", false, flag);
            List<RoutingRule> withoutFlagRule = Rules.all().stream().filter(r -> !flag.label().equals(r.flag())).toList();

            for (List<RoutingRule> rules : List.of(
                    with(Rules.all(), ANSWER_EVERYTHING),
                    with(withoutFlagRule, ANSWER_EVERYTHING),
                    with(reversedOrder(Rules.all()), ANSWER_EVERYTHING),
                    with(List.of(), ANSWER_EVERYTHING))) {
                Route route = router.route(flagged, rules);

                assertThat(route.autoReply()).as(flag.label()).isFalse();
                assertThat(route.ruleId()).as(flag.label()).isNotEqualTo("answer-everything");
                assertThat(policy.judge(flagged, route).eligible()).as(flag.label()).isFalse();
            }
        }
    }

    private static List<RoutingRule> with(List<RoutingRule> rules, RoutingRule extra) {
        List<RoutingRule> all = new ArrayList<>(rules);
        all.add(extra);
        return all;
    }

    /** Every rule's order negated: the last rule is tried first. */
    private static List<RoutingRule> reversedOrder(List<RoutingRule> rules) {
        return rules.stream().map(r -> new RoutingRule(r.ruleId(), -r.order(), r.flag(), r.intents(), r.languages(),
                r.channels(), r.groupId(), r.tags(), r.priority(), r.autoReply())).toList();
    }
}
