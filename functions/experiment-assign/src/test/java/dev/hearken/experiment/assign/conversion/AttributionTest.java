package dev.hearken.experiment.assign.conversion;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearken.experiment.assignment.Experiment;
import dev.hearken.experiment.service.Exposure;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AttributionTest {

    private static final Instant EXPOSED = Instant.parse("2026-03-02T10:00:00Z");
    private static final Duration WINDOW = Duration.ofDays(7);

    private final Experiment experiment = Experiment.fromMap(Map.of("key", "onboarding-push-copy",
            "variations", List.of("control", "social-proof", "urgency"),
            "meta", List.of(Map.of("key", "control"), Map.of("key", "social-proof"), Map.of("key", "urgency"))));
    private final Optional<Exposure> exposure = Optional.of(new Exposure(
            "onboarding-push-copy", "user-1", 1, "social-proof", "id", 0.42, EXPOSED));

    @Test
    void an_event_after_the_first_exposure_is_credited_to_the_exposed_variation() {
        var verdict = Attribution.attribute(event(EXPOSED.plusSeconds(60), null), experiment, exposure, WINDOW);

        assertThat(verdict).isEqualTo(new Attribution.Attributed(1, "social-proof", exposure.get()));
    }

    @Test
    void an_event_at_the_exposure_instant_counts_but_one_before_it_does_not() {
        assertThat(Attribution.attribute(event(EXPOSED, null), experiment, exposure, WINDOW))
                .isInstanceOf(Attribution.Attributed.class);
        assertThat(Attribution.attribute(event(EXPOSED.minusMillis(1), null), experiment, exposure, WINDOW))
                .isEqualTo(new Attribution.Ignored(IgnoreReason.BEFORE_EXPOSURE));
    }

    @Test
    void an_event_after_the_attribution_window_is_ignored() {
        assertThat(Attribution.attribute(event(EXPOSED.plus(WINDOW), null), experiment, exposure, WINDOW))
                .isInstanceOf(Attribution.Attributed.class);
        assertThat(Attribution.attribute(event(EXPOSED.plus(WINDOW).plusSeconds(1), null), experiment, exposure, WINDOW))
                .isEqualTo(new Attribution.Ignored(IgnoreReason.OUTSIDE_WINDOW));
    }

    @Test
    void a_user_without_an_exposure_is_not_credited() {
        assertThat(Attribution.attribute(event(EXPOSED, null), experiment, Optional.empty(), WINDOW))
                .isEqualTo(new Attribution.Ignored(IgnoreReason.NOT_EXPOSED));
    }

    @Test
    void a_variation_the_experiment_does_not_have_or_another_than_the_exposed_one_is_ignored() {
        assertThat(Attribution.attribute(event(EXPOSED, "shouting"), experiment, exposure, WINDOW))
                .isEqualTo(new Attribution.Ignored(IgnoreReason.UNKNOWN_VARIATION));
        assertThat(Attribution.attribute(event(EXPOSED, "urgency"), experiment, exposure, WINDOW))
                .isEqualTo(new Attribution.Ignored(IgnoreReason.VARIATION_MISMATCH));
        assertThat(Attribution.attribute(event(EXPOSED, "social-proof"), experiment, exposure, WINDOW))
                .isInstanceOf(Attribution.Attributed.class);
    }

    @Test
    void variation_keys_default_to_the_index_as_growthbook_does() {
        Experiment bare = Experiment.fromMap(Map.of("key", "k", "variations", List.of(false, true)));

        assertThat(Attribution.variationKey(bare, 1)).isEqualTo("1");
        assertThat(Attribution.variationIndex(bare, "1")).isEqualTo(1);
        assertThat(Attribution.variationIndex(bare, "2")).isEqualTo(-1);
    }

    private static OutcomeEvent event(Instant at, String variationKey) {
        return new OutcomeEvent("evt-1", "user-1", "onboarding-push-copy", null, OutcomeType.PUSH_OPENED, 1,
                variationKey, at);
    }
}
