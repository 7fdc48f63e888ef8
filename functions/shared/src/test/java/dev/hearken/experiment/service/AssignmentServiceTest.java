package dev.hearken.experiment.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hearken.experiment.port.ExposureLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AssignmentServiceTest {

    /** Records first exposures like the conditional write does. */
    private static final class InMemoryExposureLog implements ExposureLog {
        final Set<String> seen = new HashSet<>();
        final List<Exposure> recorded = new ArrayList<>();

        @Override
        public boolean recordFirst(Exposure exposure) {
            if (seen.add(exposure.experimentKey() + "|" + exposure.userId())) {
                recorded.add(exposure);
                return true;
            }
            return false;
        }
    }

    private final InMemoryCatalog catalog = new InMemoryCatalog()
            .add(Map.of("key", "onboarding-push-copy", "hashVersion", 2,
                    "variations", List.of("control", "social-proof", "urgency"),
                    "weights", List.of(0.34, 0.33, 0.33),
                    "condition", Map.of("platform", Map.of("$in", List.of("android", "ios")))))
            .add(Map.of("key", "checkout-banner", "status", "stopped", "hashVersion", 2,
                    "variations", List.of("none", "banner"), "force", 1))
            .add(Map.of("key", "spring-sale-subject", "status", "draft", "variations", List.of("a", "b")));
    private final InMemoryExposureLog exposures = new InMemoryExposureLog();
    private final MutableClock clock = new MutableClock();
    private final AssignmentService service = new AssignmentService(
            new CachingExperimentCatalog(catalog, clock, Duration.ofMinutes(1), Duration.ofSeconds(5)),
            exposures, clock);

    @Test
    void the_user_id_is_the_hash_attribute_and_the_first_exposure_is_recorded_once() {
        // user-1002 hashes to 0.4232 with hash v2 on this key (GrowthBook's FNV-1a), in [0.34, 0.67)
        Assignment first = service.assign("onboarding-push-copy", "user-1002", Map.of("platform", "ios"));
        Assignment again = service.assign("onboarding-push-copy", "user-1002", Map.of("platform", "ios"));

        assertThat(first.variationId()).isEqualTo(1);
        assertThat(first.value()).isEqualTo("social-proof");
        assertThat(first.firstExposure()).isTrue();
        assertThat(again.variationId()).isEqualTo(1);
        assertThat(again.firstExposure()).isFalse();
        assertThat(exposures.recorded).singleElement()
                .satisfies(e -> assertThat(e.exposedAt()).isEqualTo(clock.instant()));
    }

    @Test
    void a_user_failing_the_targeting_condition_gets_the_control_and_no_exposure() {
        Assignment a = service.assign("onboarding-push-copy", "user-1002", Map.of("platform", "web"));

        assertThat(a.inExperiment()).isFalse();
        assertThat(a.variationId()).isZero();
        assertThat(a.reason()).isEqualTo("CONDITION_FAILED");
        assertThat(exposures.recorded).isEmpty();
    }

    @Test
    void a_rolled_out_winner_is_served_without_recording_an_exposure() {
        Assignment a = service.assign("checkout-banner", "user-7", Map.of());

        assertThat(a.value()).isEqualTo("banner");
        assertThat(a.hashUsed()).isFalse();
        assertThat(exposures.recorded).isEmpty();
    }

    @Test
    void the_batch_skips_drafts() {
        List<Assignment> all = service.assignAll("user-1002", Map.of("platform", "android"));

        assertThat(all).extracting(Assignment::experimentKey)
                .containsExactly("onboarding-push-copy", "checkout-banner");
    }

    @Test
    void an_unknown_key_is_reported_as_such() {
        assertThatThrownBy(() -> service.assign("nope", "user-1", Map.of()))
                .isInstanceOf(UnknownExperimentException.class);
    }

    @Test
    void the_user_id_overrides_a_contradicting_id_attribute() {
        Assignment a = service.assign("onboarding-push-copy", "user-1002",
                Map.of("platform", "ios", "id", "someone-else"));

        assertThat(a.variationId()).isEqualTo(1);
        assertThat(exposures.recorded).singleElement().satisfies(e -> assertThat(e.userId()).isEqualTo("user-1002"));
    }
}
