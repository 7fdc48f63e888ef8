package dev.hearken.aws.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifiersTest {

    @ParameterizedTest
    @ValueSource(strings = {"1234567890", "com.example.lumen", "error", "exp_onboarding-v2", "a"})
    void store_ids_package_names_and_keys_are_identifiers(String value) {
        assertThat(Identifiers.require("appId", value)).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../etc/passwd", "a\u0000b", "a\r\nb", "a b", "", ".hidden", "a/b", "app%2F", "é"})
    void anything_else_is_a_400_naming_the_parameter_and_not_quoting_it(String value) {
        assertThatThrownBy(() -> Identifiers.require("appId", value))
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.field()).isEqualTo("appId"))
                .satisfies(e -> assertThat(value.isEmpty() || !e.getMessage().contains(value)).isTrue());
    }

    @org.junit.jupiter.api.Test
    void ten_thousand_characters_is_a_400() {
        assertThatThrownBy(() -> Identifiers.require("appId", "a".repeat(10_000)))
                .isInstanceOf(BadRequestException.class);
        assertThat(Identifiers.require("appId", "a".repeat(Identifiers.MAX_LENGTH))).hasSize(Identifiers.MAX_LENGTH);
    }

    @org.junit.jupiter.api.Test
    void a_missing_identifier_is_a_400() {
        assertThatThrownBy(() -> Identifiers.require("topic", null)).hasMessage("topic is required");
    }
}
