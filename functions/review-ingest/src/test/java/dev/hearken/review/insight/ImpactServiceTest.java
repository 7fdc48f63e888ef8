package dev.hearken.review.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ImpactServiceTest {

    private final List<String> asked = new ArrayList<>();
    private final ImpactService service = new ImpactService((appId, topic, since) -> {
        asked.add(appId + "/" + topic + "/" + since);
        return new ImpactReport(appId, topic, since, 0, List.of());
    }, Clock.fixed(Instant.parse("2026-03-02T23:30:00Z"), ZoneOffset.UTC));

    @Test
    void without_a_first_day_the_window_is_the_last_thirty_utc_days() {
        service.report("app", "error", Optional.empty());

        assertThat(asked).containsExactly("app/error/2026-01-31");
    }

    @Test
    void a_given_first_day_is_used_and_the_topic_is_lower_cased() {
        service.report("app", "Pricing", Optional.of(LocalDate.parse("2026-02-15")));

        assertThat(asked).containsExactly("app/pricing/2026-02-15");
    }

    @Test
    void an_unknown_topic_is_refused() {
        assertThatThrownBy(() -> ImpactService.topic("weather")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_report_sums_users_per_version_and_per_version_and_day() {
        ImpactReport r = new ImpactReport("app", "error", LocalDate.parse("2026-03-01"), 4, List.of(
                new ImpactReport.Bucket("5.2.0", LocalDate.parse("2026-03-01"), 2),
                new ImpactReport.Bucket("5.2.0", LocalDate.parse("2026-03-02"), 1),
                new ImpactReport.Bucket("5.2.1", LocalDate.parse("2026-03-02"), 1)));

        assertThat(r.usersByVersion()).containsExactly(
                java.util.Map.entry("5.2.0", 3L), java.util.Map.entry("5.2.1", 1L));
        assertThat(r.usersByVersionAndDay().get("5.2.0")).containsEntry(LocalDate.parse("2026-03-02"), 1L);
    }
}
