package dev.hearken.experiment.assign.results;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearken.experiment.assignment.AssignmentResult;
import dev.hearken.experiment.assignment.Experiment;
import dev.hearken.experiment.assignment.ExperimentRunner;
import dev.hearken.experiment.assignment.RunContext;
import dev.hearken.experiment.assign.port.ExperimentRollouts;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RolloutServiceTest {

    private final List<Experiment> stored = new ArrayList<>(List.of(
            Experiment.fromMap(Map.of("key", "digest-copy", "status", "running",
                    "variations", List.of("plain", "emoji"), "meta", List.of(Map.of("key", "plain"), Map.of("key", "emoji")))),
            Experiment.fromMap(Map.of("key", "spring-sale", "status", "draft", "variations", List.of("a", "b")))));
    private final List<Rollout> recorded = new ArrayList<>();
    private final ExperimentRollouts rollouts = (expected, rolledOut, rollout) -> {
        int i = stored.indexOf(expected);
        if (i < 0) {
            return false;
        }
        stored.set(i, rolledOut);
        recorded.add(rollout);
        return true;
    };
    private final RolloutService service = new RolloutService(() -> List.copyOf(stored), rollouts,
            Clock.fixed(Instant.parse("2026-03-09T12:00:00Z"), ZoneOffset.UTC));

    @Test
    void rolling_out_forces_the_variation_stops_the_experiment_and_records_who_and_when() {
        RolloutService.Outcome o = service.rollOut("digest-copy", "emoji", "ana@example.com", "CTW 99 %");

        assertThat(o).isInstanceOfSatisfying(RolloutService.Done.class, d -> {
            assertThat(d.changed()).isTrue();
            assertThat(d.experiment().force()).isEqualTo(1);
            assertThat(d.experiment().status()).isEqualTo("stopped");
        });
        assertThat(stored.getFirst().force()).isEqualTo(1);
        assertThat(recorded).containsExactly(new Rollout(1, "emoji", "ana@example.com",
                Instant.parse("2026-03-09T12:00:00Z"), "CTW 99 %"));
    }

    @Test
    void rolling_out_the_same_variation_again_changes_nothing() {
        service.rollOut("digest-copy", "1", "ana@example.com", null);

        RolloutService.Outcome again = service.rollOut("digest-copy", "emoji", "bo@example.com", null);

        assertThat(again).isInstanceOfSatisfying(RolloutService.Done.class, d -> assertThat(d.changed()).isFalse());
        assertThat(recorded).hasSize(1);
    }

    @Test
    void unknown_variations_and_drafts_are_refused() {
        assertThat(service.rollOut("digest-copy", "sparkles", "ana@example.com", null))
                .isEqualTo(new RolloutService.Refused("unknown_variation", "experiment 'digest-copy' has no variation 'sparkles'"));
        assertThat(service.rollOut("spring-sale", "0", "ana@example.com", null))
                .isInstanceOfSatisfying(RolloutService.Refused.class, r -> assertThat(r.code()).isEqualTo("draft"));
    }

    @Test
    void an_experiment_tested_on_5_percent_serves_the_rolled_out_winner_to_everyone_who_qualifies() {
        // given: a test on 5 % of the users, in half of a namespace, with a targeting condition
        stored.add(Experiment.fromMap(Map.of("key", "onboarding-tip", "status", "running", "coverage", 0.05,
                "namespace", List.of("onboarding", 0.0, 0.5), "condition", Map.of("country", "DE"),
                "variations", List.of("control", "tip"), "meta", List.of(Map.of("key", "control"), Map.of("key", "tip")))));
        Experiment tested = stored.getLast();
        assertThat(share(tested, "DE", 1)).as("before: the test's slice").isLessThan(0.05);

        // when
        service.rollOut("onboarding-tip", "tip", "ana@example.com", "winner");

        // then: every qualifying user gets the winner; the condition still decides who qualifies
        Experiment rolledOut = stored.getLast();
        assertThat(rolledOut.coverage()).isEqualTo(1.0);
        assertThat(share(rolledOut, "DE", 1)).isEqualTo(1.0);
        assertThat(share(rolledOut, "FR", 1)).isZero();
    }

    @Test
    void rolling_out_again_a_winner_that_kept_a_partial_coverage_widens_it_to_everyone() {
        stored.add(Experiment.fromMap(Map.of("key", "old-rollout", "status", "stopped", "force", 1, "coverage", 0.1,
                "variations", List.of("a", "b"))));

        RolloutService.Outcome o = service.rollOut("old-rollout", "1", "ana@example.com", null);

        assertThat(o).isInstanceOfSatisfying(RolloutService.Done.class, d -> assertThat(d.changed()).isTrue());
        assertThat(stored.getLast().coverage()).isEqualTo(1.0);
    }

    /** The share of 2,000 users with {@code country} who are in the experiment and get {@code variation}. */
    private static double share(Experiment e, String country, int variation) {
        int hits = 0;
        for (int u = 0; u < 2000; u++) {
            AssignmentResult r = ExperimentRunner.run(e, Map.of("id", "user-" + u, "country", country),
                    RunContext.defaults());
            if (r.inExperiment() && r.variationId() == variation) {
                hits++;
            }
        }
        return hits / 2000.0;
    }
}
