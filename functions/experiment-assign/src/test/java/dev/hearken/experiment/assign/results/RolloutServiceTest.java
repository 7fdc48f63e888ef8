package dev.hearken.experiment.assign.results;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearken.experiment.assignment.AssignmentResult;
import dev.hearken.experiment.assignment.Experiment;
import dev.hearken.experiment.assignment.ExperimentRunner;
import dev.hearken.experiment.assignment.RunContext;
import dev.hearken.experiment.assign.port.ExperimentRollouts;
import dev.hearken.experiment.service.UnknownExperimentException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class RolloutServiceTest {

    private static final OptionalLong CURRENT = OptionalLong.empty();

    private final Map<String, Experiment> stored = new LinkedHashMap<>();
    private final Map<String, Long> versions = new HashMap<>();
    private final List<Rollout> recorded = new ArrayList<>();
    /** The store's contract in memory: decide on the version asked for, write only a changed outcome. */
    private final ExperimentRollouts rollouts = (key, expected, decide) -> {
        Experiment current = stored.get(key);
        if (current == null) {
            throw new UnknownExperimentException(key);
        }
        long version = versions.getOrDefault(key, 0L);
        if (expected.isPresent() && expected.getAsLong() != version) {
            throw new IllegalStateException("stale version");
        }
        RolloutService.Outcome outcome = decide.apply(current);
        if (outcome instanceof RolloutService.Done d && d.changed()) {
            stored.put(key, d.experiment());
            versions.put(key, version + 1);
            recorded.add(d.rollout());
        }
        return outcome;
    };
    private final RolloutService service = new RolloutService(rollouts,
            Clock.fixed(Instant.parse("2026-03-09T12:00:00Z"), ZoneOffset.UTC));

    RolloutServiceTest() {
        store(Experiment.fromMap(Map.of("key", "digest-copy", "status", "running", "variations",
                List.of("plain", "emoji"), "meta", List.of(Map.of("key", "plain"), Map.of("key", "emoji")))));
        store(Experiment.fromMap(Map.of("key", "spring-sale", "status", "draft", "variations", List.of("a", "b"))));
    }

    @Test
    void rolling_out_forces_the_variation_stops_the_experiment_and_records_who_and_when() {
        RolloutService.Outcome o = service.rollOut("digest-copy", CURRENT, "emoji", "ana@example.com", "CTW 99 %");

        assertThat(o).isInstanceOfSatisfying(RolloutService.Done.class, d -> {
            assertThat(d.changed()).isTrue();
            assertThat(d.experiment().force()).isEqualTo(1);
            assertThat(d.experiment().status()).isEqualTo("stopped");
        });
        assertThat(stored.get("digest-copy").force()).isEqualTo(1);
        assertThat(recorded).containsExactly(new Rollout(1, "emoji", "ana@example.com",
                Instant.parse("2026-03-09T12:00:00Z"), "CTW 99 %"));
    }

    @Test
    void rolling_out_the_same_variation_again_changes_nothing() {
        service.rollOut("digest-copy", CURRENT, "1", "ana@example.com", null);

        RolloutService.Outcome again = service.rollOut("digest-copy", CURRENT, "emoji", "bo@example.com", null);

        assertThat(again).isInstanceOfSatisfying(RolloutService.Done.class, d -> assertThat(d.changed()).isFalse());
        assertThat(recorded).hasSize(1);
    }

    @Test
    void unknown_variations_and_drafts_are_refused() {
        assertThat(service.rollOut("digest-copy", CURRENT, "sparkles", "ana@example.com", null))
                .isEqualTo(new RolloutService.Refused("unknown_variation", "experiment 'digest-copy' has no variation 'sparkles'"));
        assertThat(service.rollOut("spring-sale", CURRENT, "0", "ana@example.com", null))
                .isInstanceOfSatisfying(RolloutService.Refused.class, r -> assertThat(r.code()).isEqualTo("draft"));
    }

    @Test
    void an_experiment_tested_on_5_percent_serves_the_rolled_out_winner_to_everyone_who_qualifies() {
        // given: a test on 5 % of the users, in half of a namespace, with a targeting condition
        store(Experiment.fromMap(Map.of("key", "onboarding-tip", "status", "running", "coverage", 0.05,
                "namespace", List.of("onboarding", 0.0, 0.5), "condition", Map.of("country", "DE"),
                "variations", List.of("control", "tip"), "meta", List.of(Map.of("key", "control"), Map.of("key", "tip")))));
        Experiment tested = stored.get("onboarding-tip");
        assertThat(share(tested, "DE", 1)).as("before: the test's slice").isLessThan(0.05);

        // when
        service.rollOut("onboarding-tip", OptionalLong.of(0), "tip", "ana@example.com", "winner");

        // then: every qualifying user gets the winner; the condition still decides who qualifies
        Experiment rolledOut = stored.get("onboarding-tip");
        assertThat(rolledOut.coverage()).isEqualTo(1.0);
        assertThat(share(rolledOut, "DE", 1)).isEqualTo(1.0);
        assertThat(share(rolledOut, "FR", 1)).isZero();
    }

    @Test
    void rolling_out_again_a_winner_that_kept_a_partial_coverage_widens_it_to_everyone() {
        store(Experiment.fromMap(Map.of("key", "old-rollout", "status", "stopped", "force", 1, "coverage", 0.1,
                "variations", List.of("a", "b"))));

        RolloutService.Outcome o = service.rollOut("old-rollout", CURRENT, "1", "ana@example.com", null);

        assertThat(o).isInstanceOfSatisfying(RolloutService.Done.class, d -> assertThat(d.changed()).isTrue());
        assertThat(stored.get("old-rollout").coverage()).isEqualTo(1.0);
    }

    private void store(Experiment experiment) {
        stored.put(experiment.key(), experiment);
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
