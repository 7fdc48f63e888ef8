package dev.hearken.push.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hearken.push.message.Priority;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class CapsTest {

    private final CapLimits limits = new CapLimits(3, 2, 10, 5);

    @Test
    void transactional_messages_are_never_capped() {
        assertThat(limits.allows(Priority.TRANSACTIONAL, CapWindow.Kind.DAY, 1_000)).isTrue();
        assertThat(limits.limit(Priority.TRANSACTIONAL, CapWindow.Kind.WEEK)).isEmpty();
    }

    @Test
    void lifecycle_beats_promotional_because_promotions_stop_first() {
        // two pushes today already: the third slot is left for lifecycle
        assertThat(limits.allows(Priority.PROMOTIONAL, CapWindow.Kind.DAY, 2)).isFalse();
        assertThat(limits.allows(Priority.LIFECYCLE, CapWindow.Kind.DAY, 2)).isTrue();
        assertThat(limits.allows(Priority.LIFECYCLE, CapWindow.Kind.DAY, 3)).isFalse();
    }

    @Test
    void the_weekly_limit_applies_even_when_the_day_has_room() {
        assertThat(limits.allows(Priority.PROMOTIONAL, CapWindow.Kind.WEEK, 5)).isFalse();
        assertThat(limits.allows(Priority.LIFECYCLE, CapWindow.Kind.WEEK, 5)).isTrue();
    }

    @Test
    void promotional_limits_above_lifecycle_limits_are_refused() {
        assertThatThrownBy(() -> new CapLimits(2, 3, 10, 5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void windows_follow_the_users_local_calendar() {
        Instant instant = Instant.parse("2026-03-20T02:00:00Z");

        List<CapWindow> saoPaulo = CapWindow.at(instant, ZoneId.of("America/Sao_Paulo"));
        List<CapWindow> tokyo = CapWindow.at(instant, ZoneId.of("Asia/Tokyo"));

        assertThat(saoPaulo).extracting(CapWindow::key).containsExactly("d#2026-03-19", "w#2026-W12");
        assertThat(tokyo).extracting(CapWindow::key).containsExactly("d#2026-03-20", "w#2026-W12");
        assertThat(saoPaulo.get(0).expiresAt()).isAfter(instant.plusSeconds(24 * 3600));
    }

    @Test
    void the_iso_week_of_new_years_day_can_belong_to_the_previous_year() {
        assertThat(CapWindow.at(Instant.parse("2027-01-01T12:00:00Z"), ZoneId.of("UTC")).get(1).key())
                .isEqualTo("w#2026-W53");
    }
}
