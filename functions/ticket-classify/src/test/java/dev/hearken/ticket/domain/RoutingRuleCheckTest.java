package dev.hearken.ticket.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class RoutingRuleCheckTest {

    @Test
    void a_rule_like_the_shipped_ones_passes_unchanged() {
        RoutingRule howTo = new RoutingRule("how-to", 140, null, List.of("how_to"), List.of("en", "es"), List.of(),
                360000000204L, List.of("how_to"), null, true);
        RoutingRule privacy = new RoutingRule("privacy", 10, "privacy", List.of(), List.of(), List.of(),
                360000000101L, List.of("privacy_request"), "high", false);

        assertThat(RoutingRuleCheck.check(howTo)).isSameAs(howTo);
        assertThat(RoutingRuleCheck.check(privacy)).isSameAs(privacy);
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of(rule(-1, null, List.of(), List.of(), List.of(), 1L, List.of(), false), "order"),
                Arguments.of(rule(1, "urgent", List.of(), List.of(), List.of(), 1L, List.of(), false), "flag"),
                Arguments.of(rule(1, "privacy", List.of(), List.of(), List.of(), 1L, List.of(), true), "autoReply"),
                Arguments.of(rule(1, "legal", List.of("refund"), List.of(), List.of(), 1L, List.of(), false), "intents"),
                Arguments.of(rule(1, "vip", List.of(), List.of("en"), List.of(), 1L, List.of(), false), "languages"),
                Arguments.of(rule(1, "payment", List.of(), List.of(), List.of("web"), 1L, List.of(), false), "channels"),
                Arguments.of(rule(1, null, List.of("weather"), List.of(), List.of(), 1L, List.of(), false), "intents"),
                Arguments.of(rule(1, null, List.of("privacy_request"), List.of(), List.of(), 1L, List.of(), true), "autoReply"),
                Arguments.of(rule(1, null, List.of("legal"), List.of(), List.of(), 1L, List.of(), true), "autoReply"),
                Arguments.of(rule(1, null, List.of(), List.of("english"), List.of(), 1L, List.of(), false), "languages"),
                Arguments.of(rule(1, null, List.of(), List.of(), List.of("Web Form"), 1L, List.of(), false), "channels"),
                Arguments.of(rule(1, null, List.of(), List.of(), List.of(), 0L, List.of(), false), "groupId"),
                Arguments.of(rule(1, null, List.of(), List.of(), List.of(), -7L, List.of(), false), "groupId"),
                Arguments.of(rule(1, null, List.of(), List.of(), List.of(), 1L, List.of("two words"), false), "tags"),
                Arguments.of(rule(1, null, List.of(), List.of(), List.of(), 1L, List.of("Billing"), false), "tags"),
                Arguments.of(rule(1, null, List.of(), List.of(), List.of(), 1L, List.of("hearken_priority"), false), "tags"));
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("invalid")
    void a_rule_the_router_could_not_use_as_written_is_refused_naming_the_field(RoutingRule rule, String field) {
        assertThatThrownBy(() -> RoutingRuleCheck.check(rule))
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    void an_unknown_priority_is_refused_naming_priority() {
        assertThatThrownBy(() -> new RoutingRule("x", 1, null, List.of(), List.of(), List.of(), 1L, List.of(), "asap",
                false)).isInstanceOfSatisfying(InvalidConfigurationException.class,
                        e -> assertThat(e.field()).isEqualTo("priority"));
    }

    private static RoutingRule rule(int order, String flag, List<String> intents, List<String> languages,
            List<String> channels, Long groupId, List<String> tags, boolean autoReply) {
        return new RoutingRule("r", order, flag, intents, languages, channels, groupId, tags, null, autoReply);
    }
}
