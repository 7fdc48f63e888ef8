package dev.hearken.experiment.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CachingExperimentCatalogTest {

    private final InMemoryCatalog source = new InMemoryCatalog()
            .add(Map.of("key", "a", "variations", List.of(0, 1)));
    private final MutableClock clock = new MutableClock();
    private final CachingExperimentCatalog catalog =
            new CachingExperimentCatalog(source, clock, Duration.ofSeconds(60), Duration.ofSeconds(5));

    @Test
    void steady_state_lookups_cost_one_read_per_ttl() {
        for (int i = 0; i < 1000; i++) {
            assertThat(catalog.find("a")).isPresent();
            clock.advance(Duration.ofMillis(10));
        }
        assertThat(source.reads).isEqualTo(1);

        clock.advance(Duration.ofSeconds(60));
        catalog.find("a");

        assertThat(source.reads).isEqualTo(2);
    }

    @Test
    void a_burst_of_unknown_keys_refreshes_at_most_once_per_miss_interval() {
        catalog.find("a");
        clock.advance(Duration.ofSeconds(6));

        for (int i = 0; i < 100; i++) {
            assertThat(catalog.find("nope")).isEmpty();
        }

        assertThat(source.reads).isEqualTo(2);
    }

    @Test
    void a_new_experiment_becomes_visible_after_the_miss_interval_without_waiting_for_the_ttl() {
        catalog.find("a");
        source.add(Map.of("key", "b", "variations", List.of(0, 1)));

        assertThat(catalog.find("b")).isEmpty();
        clock.advance(Duration.ofSeconds(5));

        assertThat(catalog.find("b")).isPresent();
    }

    @Test
    void a_failed_refresh_keeps_serving_the_previous_snapshot() {
        catalog.find("a");
        source.failing = true;
        clock.advance(Duration.ofSeconds(61));

        assertThat(catalog.find("a")).isPresent();
    }

    @Test
    void without_any_snapshot_a_failure_propagates() {
        source.failing = true;

        assertThatThrownBy(() -> catalog.find("a")).hasMessageContaining("unavailable");
    }
}
