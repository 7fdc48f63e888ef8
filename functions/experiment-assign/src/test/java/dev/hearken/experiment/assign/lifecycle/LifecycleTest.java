package dev.hearken.experiment.assign.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hearken.experiment.assignment.Experiment;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LifecycleTest {

    private static final List<String> GOALS = List.of("push_opened");

    @Test
    void an_experiment_is_created_as_a_draft_started_and_stopped() {
        Experiment draft = Lifecycle.created(experiment("draft", Map.of()));

        Experiment running = Lifecycle.started(draft);
        Experiment stopped = Lifecycle.stopped(running);

        assertThat(running.status()).isEqualTo("running");
        assertThat(stopped.status()).isEqualTo("stopped");
        assertThat(stopped.variations()).isEqualTo(draft.variations());
    }

    @Test
    void an_experiment_cannot_be_created_running() {
        assertThatThrownBy(() -> Lifecycle.created(experiment("running", Map.of())))
                .isInstanceOfSatisfying(InvalidExperimentException.class,
                        e -> assertThat(e.field()).isEqualTo("status"));
    }

    @Test
    void only_a_draft_starts_and_only_a_running_experiment_stops() {
        assertThatThrownBy(() -> Lifecycle.started(experiment("running", Map.of())))
                .isInstanceOf(ExperimentStateException.class);
        assertThatThrownBy(() -> Lifecycle.started(experiment("stopped", Map.of())))
                .isInstanceOf(ExperimentStateException.class).hasMessageContaining("results are final");
        assertThatThrownBy(() -> Lifecycle.stopped(experiment("draft", Map.of())))
                .isInstanceOf(ExperimentStateException.class);
        assertThatThrownBy(() -> Lifecycle.stopped(experiment("stopped", Map.of())))
                .isInstanceOf(ExperimentStateException.class);
    }

    @Test
    void a_draft_may_change_anything_but_its_status() {
        Experiment draft = experiment("draft", Map.of());
        Experiment reweighted = experiment("draft", Map.of("weights", List.of(0.2, 0.8), "coverage", 1));

        assertThat(Lifecycle.edited(draft, GOALS, reweighted, List.of("revenue"))).isEqualTo(reweighted);
        assertThatThrownBy(() -> Lifecycle.edited(draft, GOALS, experiment("running", Map.of()), GOALS))
                .isInstanceOfSatisfying(InvalidExperimentException.class,
                        e -> assertThat(e.field()).isEqualTo("status"));
    }

    @Test
    void a_running_experiment_may_be_renamed_but_not_reweighted_retargeted_or_given_another_goal() {
        Experiment running = experiment("running", Map.of());
        Experiment renamed = experiment("running", Map.of("name", "Push copy, spring",
                "meta", List.of(Map.of("key", "plain", "name", "Plain text"), Map.of("key", "emoji"))));

        assertThat(Lifecycle.edited(running, GOALS, renamed, GOALS)).isEqualTo(renamed);
        for (Map<String, Object> change : List.<Map<String, Object>>of(Map.of("weights", List.of(0.2, 0.8)),
                Map.of("variations", List.of("plain", "sparkles")), Map.of("coverage", 0.5),
                Map.of("condition", Map.of("country", "DE")),
                Map.of("meta", List.of(Map.of("key", "plain"), Map.of("key", "sparkles"))))) {
            assertThatThrownBy(() -> Lifecycle.edited(running, GOALS, experiment("running", change), GOALS))
                    .as("changing %s", change.keySet())
                    .isInstanceOf(ExperimentStateException.class).hasMessageContaining("invalidate its results");
        }
        assertThatThrownBy(() -> Lifecycle.edited(running, GOALS, running, List.of("revenue")))
                .isInstanceOf(ExperimentStateException.class);
    }

    @Test
    void drafts_and_stopped_experiments_may_be_deleted_running_ones_not() {
        assertThatCode(() -> Lifecycle.requireDeletable(experiment("draft", Map.of()))).doesNotThrowAnyException();
        assertThatCode(() -> Lifecycle.requireDeletable(experiment("stopped", Map.of()))).doesNotThrowAnyException();
        assertThatThrownBy(() -> Lifecycle.requireDeletable(experiment("running", Map.of())))
                .isInstanceOf(ExperimentStateException.class);
    }

    @Test
    void a_definition_without_a_status_runs_as_in_growthbook() {
        Map<String, Object> json = new LinkedHashMap<>(experiment("draft", Map.of()).toMap());
        json.remove("status");

        assertThat(Lifecycle.status(Experiment.fromMap(json))).isEqualTo("running");
    }

    private static Experiment experiment(String status, Map<String, Object> changes) {
        Map<String, Object> json = new LinkedHashMap<>(Map.of("key", "push-copy", "status", status,
                "variations", List.of("plain", "emoji"), "weights", List.of(0.5, 0.5),
                "meta", List.of(Map.of("key", "plain"), Map.of("key", "emoji"))));
        json.putAll(changes);
        return Experiment.fromMap(json);
    }
}
