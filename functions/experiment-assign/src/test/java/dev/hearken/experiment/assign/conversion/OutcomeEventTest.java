package dev.hearken.experiment.assign.conversion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutcomeEventTest {

    private static final java.time.Instant NOW = java.time.Instant.parse("2026-03-02T11:00:00Z");

    @Test
    void without_occurred_at_the_event_happened_when_it_was_received() {
        Map<String, Object> m = valid();
        m.remove("occurredAt");

        assertThat(OutcomeEvent.fromMap(m, NOW).occurredAt()).isEqualTo(NOW);
    }

    private static Map<String, Object> valid() {
        Map<String, Object> m = new HashMap<>();
        m.put("eventId", "evt-1");
        m.put("userId", "user-1");
        m.put("experimentKey", "onboarding-push-copy");
        m.put("type", "push_opened");
        m.put("occurredAt", "2026-03-02T10:05:00Z");
        return m;
    }

    @Test
    void a_conversion_without_a_value_counts_as_one() {
        assertThat(OutcomeEvent.fromMap(valid(), NOW).value()).isEqualTo(1.0);
    }

    @Test
    void a_value_metric_needs_a_non_negative_number() {
        Map<String, Object> revenue = valid();
        revenue.put("type", "revenue");
        assertThatThrownBy(() -> OutcomeEvent.fromMap(revenue, NOW)).hasMessageContaining("value is required");
        revenue.put("value", -3);
        assertThatThrownBy(() -> OutcomeEvent.fromMap(revenue, NOW))
                .isInstanceOfSatisfying(InvalidOutcomeException.class, e -> assertThat(e.field()).isEqualTo("value"));
        revenue.put("value", "12");
        assertThatThrownBy(() -> OutcomeEvent.fromMap(revenue, NOW)).hasMessage("value must be a number");
        revenue.put("value", 12.5);
        assertThat(OutcomeEvent.fromMap(revenue, NOW).value()).isEqualTo(12.5);
    }

    @Test
    void wrong_types_and_missing_fields_name_the_field() {
        Map<String, Object> m = valid();
        m.put("type", "push_liked");
        assertThatThrownBy(() -> OutcomeEvent.fromMap(m, NOW))
                .isInstanceOfSatisfying(InvalidOutcomeException.class, e -> assertThat(e.field()).isEqualTo("type"));
        Map<String, Object> n = valid();
        n.put("userId", 1001);
        assertThatThrownBy(() -> OutcomeEvent.fromMap(n, NOW)).hasMessage("userId must be a string");
        Map<String, Object> o = valid();
        o.put("occurredAt", "yesterday");
        assertThatThrownBy(() -> OutcomeEvent.fromMap(o, NOW))
                .isInstanceOfSatisfying(InvalidOutcomeException.class, e -> assertThat(e.field()).isEqualTo("occurredAt"));
        Map<String, Object> p = valid();
        p.remove("experimentKey");
        assertThatThrownBy(() -> OutcomeEvent.fromMap(p, NOW)).hasMessage("experimentKey or program is required");
        p.put("program", "lifecycle");
        assertThat(OutcomeEvent.fromMap(p, NOW).program()).isEqualTo("lifecycle");
    }
}
