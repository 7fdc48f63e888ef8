package dev.hearken.ticket.domain;

import static dev.hearken.ticket.domain.RouterTest.facts;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ReplyPolicyTest {

    private final ReplyPolicy policy = new ReplyPolicy(0.6, Set.of("dummy", "subscription_billing", "how_to"));
    private final Router router = new Router();

    @Test
    void a_confident_subscription_question_routed_by_a_rule_with_an_answer_is_eligible() {
        Facts facts = facts("en", "subscription_billing", false);

        assertThat(policy.judge(facts, router.route(facts, Rules.all())).eligible()).isTrue();
    }

    @Test
    void no_priority_ticket_is_ever_eligible_whatever_its_intent_and_confidence() {
        for (Flag flag : Flag.values()) {
            Facts facts = facts("en", "subscription_billing", false, flag);
            ReplyPolicy.Verdict verdict = policy.judge(facts, router.route(facts, Rules.all()));
            assertThat(verdict.eligible()).as(flag.name()).isFalse();
            assertThat(verdict.reason()).startsWith("priority ticket");
        }
    }

    @Test
    void low_confidence_spam_unknown_language_other_intents_and_rules_without_answers_are_not_eligible() {
        Facts unsure = new Facts("en", "how_to", 0.59, "web", false, Set.of());
        assertThat(policy.judge(unsure, router.route(unsure, Rules.all())).reason()).contains("below");
        Facts spam = facts("en", "how_to", true);
        assertThat(policy.judge(spam, router.route(spam, Rules.all())).eligible()).isFalse();
        Facts und = facts("und", "how_to", false);
        assertThat(policy.judge(und, router.route(und, Rules.all())).eligible()).isFalse();
        Facts refund = facts("en", "refund", false);
        assertThat(policy.judge(refund, router.route(refund, Rules.all())).eligible()).isFalse();
        Facts german = facts("de", "how_to", false);
        assertThat(policy.judge(german, router.route(german, Rules.all())).reason()).contains("no canned answer");
    }
}
