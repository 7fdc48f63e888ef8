package dev.hearken.experiment.assign.conversion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The checks of an event's fields (their JSON types are checked where the body is bound, see ApiBindingTest). */
class OutcomeEventTest {

    private static final Instant NOW = Instant.parse("2026-03-02T11:00:00Z");

    @Test
    void without_occurred_at_the_event_happened_when_it_was_received() {
        assertThat(event("push_opened", null, "onboarding-push-copy", null, null).occurredAt()).isEqualTo(NOW);
    }

    @Test
    void a_conversion_without_a_value_counts_as_one() {
        assertThat(event("push_opened", null, "onboarding-push-copy", null, "2026-03-02T10:05:00Z").value()).isEqualTo(1.0);
    }

    @Test
    void a_value_metric_needs_a_non_negative_number() {
        assertThatThrownBy(() -> event("revenue", null, "x", null, null)).hasMessageContaining("value is required");
        assertThatThrownBy(() -> event("revenue", -3.0, "x", null, null))
                .isInstanceOfSatisfying(InvalidOutcomeException.class, e -> assertThat(e.field()).isEqualTo("value"));
        assertThat(event("revenue", 12.5, "x", null, null).value()).isEqualTo(12.5);
    }

    @Test
    void wrong_values_and_missing_fields_name_the_field() {
        assertThatThrownBy(() -> event("push_liked", null, "x", null, null))
                .isInstanceOfSatisfying(InvalidOutcomeException.class, e -> assertThat(e.field()).isEqualTo("type"));
        assertThatThrownBy(() -> event("push_opened", null, "x", null, "yesterday"))
                .isInstanceOfSatisfying(InvalidOutcomeException.class, e -> assertThat(e.field()).isEqualTo("occurredAt"));
        assertThatThrownBy(() -> OutcomeEvent.of("evt-1", " ", "x", null, "push_opened", null, null, null, NOW))
                .hasMessage("userId must not be blank");
        assertThatThrownBy(() -> OutcomeEvent.of(null, "user-1", "x", null, "push_opened", null, null, null, NOW))
                .hasMessage("eventId is required");
        assertThatThrownBy(() -> event("push_opened", null, null, null, null))
                .hasMessage("experimentKey or program is required");
        assertThat(event("push_opened", null, null, "lifecycle", null).program()).isEqualTo("lifecycle");
    }

    private static OutcomeEvent event(String type, Double value, String experimentKey, String program, String occurredAt) {
        return OutcomeEvent.of("evt-1", "user-1", experimentKey, program, type, value, null, occurredAt, NOW);
    }
}
