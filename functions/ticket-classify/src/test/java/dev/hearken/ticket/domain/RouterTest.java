package dev.hearken.ticket.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RouterTest {

    private final Router router = new Router();

    @Test
    void a_subscription_question_goes_to_billing_by_the_first_matching_rule_and_allows_auto_reply() {
        Route route = router.route(facts("en", "subscription_billing", false), Rules.all());

        assertThat(route.ruleId()).isEqualTo("subscription-billing");
        assertThat(route.groupId()).isEqualTo(Rules.BILLING_GROUP);
        assertThat(route.tags()).contains("billing", Router.CLASSIFIED_TAG, "hearken_intent_subscription_billing");
        assertThat(route.autoReply()).isTrue();
    }

    @Test
    void rules_match_on_language_so_a_how_to_in_an_unsupported_language_falls_to_the_next_rule() {
        assertThat(router.route(facts("es", "how_to", false), Rules.all()).ruleId()).isEqualTo("how-to");
        Route german = router.route(facts("de", "how_to", false), Rules.all());
        assertThat(german.ruleId()).isEqualTo("how-to-other");
        assertThat(german.autoReply()).isFalse();
    }

    @Test
    void privacy_goes_to_the_privacy_group_tagged_priority_and_never_allows_auto_reply_even_if_its_rule_says_so() {
        Route route = router.route(facts("es", "how_to", false, Flag.PRIVACY), Rules.all());

        assertThat(route.groupId()).isEqualTo(Rules.PRIVACY_GROUP);
        assertThat(route.tags()).contains(Router.PRIORITY_TAG, "hearken_privacy", "privacy_request");
        assertThat(route.priority()).isEqualTo("high");
        assertThat(route.autoReply()).isFalse();
    }

    @Test
    void legal_and_vip_each_reach_their_dedicated_group() {
        assertThat(router.route(facts("en", "other", false, Flag.LEGAL), Rules.all()).groupId()).isEqualTo(Rules.LEGAL_GROUP);
        assertThat(router.route(facts("en", "how_to", false, Flag.VIP), Rules.all()).groupId()).isEqualTo(Rules.VIP_GROUP);
        assertThat(router.route(facts("en", "refund", false, Flag.PAYMENT), Rules.all()).groupId()).isEqualTo(Rules.PAYMENT_GROUP);
    }

    @Test
    void with_several_flags_the_most_sensitive_decides_the_group_every_flag_adds_tags_and_the_highest_priority_wins() {
        Route route = router.route(facts("en", "refund", false, Flag.PAYMENT, Flag.LEGAL, Flag.VIP), Rules.all());

        assertThat(route.groupId()).isEqualTo(Rules.LEGAL_GROUP);
        assertThat(route.tags()).contains("legal", "vip", "payment_problem", "hearken_legal", "hearken_vip", "hearken_payment");
        assertThat(route.priority()).isEqualTo("urgent");
    }

    @Test
    void a_priority_signal_beats_spam_so_nothing_a_user_wrote_is_dropped() {
        Route route = router.route(facts("en", "other", true, Flag.PRIVACY), Rules.all());

        assertThat(route.spam()).isFalse();
        assertThat(route.groupId()).isEqualTo(Rules.PRIVACY_GROUP);
    }

    @Test
    void spam_without_flags_is_tagged_and_not_routed() {
        Route route = router.route(facts("en", "other", true), Rules.all());

        assertThat(route.spam()).isTrue();
        assertThat(route.groupId()).isNull();
        assertThat(route.tags()).contains(Router.SPAM_TAG);
    }

    @Test
    void without_a_matching_rule_the_ticket_is_tagged_unrouted_and_keeps_its_group() {
        Route route = router.route(facts("en", "bug", false), List.of());

        assertThat(route.ruleId()).isNull();
        assertThat(route.groupId()).isNull();
        assertThat(route.tags()).contains(Router.UNROUTED_TAG);
    }

    static Facts facts(String language, String intent, boolean spam, Flag... flags) {
        return new Facts(language, intent, 0.9, "web", spam, Set.of(flags));
    }
}
