package dev.hearken.aws.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogValuesTest {

    @Test
    void line_breaks_and_control_characters_cannot_forge_a_log_line() {
        assertThat(LogValues.safe("app\r\nINFO forged\u0000\u2028")).isEqualTo("app__INFO forged__");
    }

    @Test
    void long_values_are_cut() {
        assertThat(LogValues.safe("x".repeat(10_000))).hasSize(LogValues.MAX_LENGTH + 1);
    }

    @Test
    void a_longer_cut_can_be_asked_for() {
        assertThat(LogValues.safe("x".repeat(10_000), 1000)).hasSize(1001);
        assertThat(LogValues.safe("a\nb", 1000)).isEqualTo("a_b");
    }

    @Test
    void ordinary_values_are_unchanged_and_null_is_printable() {
        assertThat(LogValues.safe("com.example.lumen")).isEqualTo("com.example.lumen");
        assertThat(LogValues.safe(null)).isEqualTo("null");
    }
}
