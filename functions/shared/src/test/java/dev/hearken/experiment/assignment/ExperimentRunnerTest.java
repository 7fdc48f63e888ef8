package dev.hearken.experiment.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearken.experiment.assignment.AssignmentResult.Reason;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * User "1" in experiment "my-test" hashes (v1) to bucket 0.969, and to 0.921 in namespace
 * "namespace"; both computed independently from the spec.
 */
class ExperimentRunnerTest {

    private static final Map<String, Object> USER_1 = Map.of("id", "1");

    @Test
    void aUserHashedIntoAVariationIsInTheExperimentWithTheirBucket() {
        AssignmentResult result = run(experiment(Map.of()), USER_1);

        assertThat(result.inExperiment()).isTrue();
        assertThat(result.hashUsed()).isTrue();
        assertThat(result.variationId()).isEqualTo(1);
        assertThat(result.value()).isEqualTo("treatment");
        assertThat(result.variationKey()).isEqualTo("1");
        assertThat(result.bucket()).isEqualTo(0.969);
        assertThat(result.hashAttribute()).isEqualTo("id");
        assertThat(result.hashValue()).isEqualTo("1");
        assertThat(result.reason()).isEqualTo(Reason.ASSIGNED);
    }

    @Test
    void aUserOutsideTheCoverageIsNotInAndGetsTheControl() {
        // coverage 0.4 shrinks the slots to [0, 0.2) and [0.5, 0.7); 0.969 is in neither
        AssignmentResult result = run(experiment(Map.of("coverage", 0.4)), USER_1);

        assertNotIn(result, Reason.OUT_OF_COVERAGE);
    }

    @Test
    void aUserOutsideTheNamespaceSliceIsNotIn() {
        AssignmentResult result = run(experiment(Map.of("namespace", List.of("namespace", 0, 0.5))), USER_1);

        assertNotIn(result, Reason.NOT_IN_NAMESPACE);
    }

    @Test
    void aUserInsideTheNamespaceSliceIsHashedAsUsual() {
        AssignmentResult result = run(experiment(Map.of("namespace", List.of("namespace", 0.5, 1))), USER_1);

        assertThat(result.reason()).isEqualTo(Reason.ASSIGNED);
    }

    @Test
    void aForcedWinnerIsServedToEveryoneInCoverageWithoutHashing() {
        AssignmentResult result = run(experiment(Map.of("force", 0, "meta", List.of(Map.of("key", "control")))), USER_1);

        assertThat(result.inExperiment()).isTrue();
        assertThat(result.hashUsed()).isFalse();
        assertThat(result.variationId()).isZero();
        assertThat(result.variationKey()).isEqualTo("control");
        assertThat(result.bucket()).isNull();
        assertThat(result.reason()).isEqualTo(Reason.FORCED_WINNER);
    }

    @Test
    void aForcedWinnerStillLeavesUsersOutsideTheCoverageOut() {
        AssignmentResult result = run(experiment(Map.of("force", 1, "coverage", 0.4)), USER_1);

        assertNotIn(result, Reason.OUT_OF_COVERAGE);
    }

    @Test
    void aForcedWinnerOutOfRangeMeansNotIn() {
        AssignmentResult result = run(experiment(Map.of("force", 5)), USER_1);

        assertNotIn(result, Reason.INVALID_FORCED_VARIATION);
    }

    @Test
    void aStoppedExperimentPutsNobodyIn() {
        AssignmentResult result = run(experiment(Map.of("status", "stopped")), USER_1);

        assertNotIn(result, Reason.STOPPED);
    }

    @Test
    void aStoppedExperimentWithAWinnerServesTheWinner() {
        AssignmentResult result = run(experiment(Map.of("status", "stopped", "force", 1)), USER_1);

        assertThat(result.reason()).isEqualTo(Reason.FORCED_WINNER);
        assertThat(result.value()).isEqualTo("treatment");
    }

    @Test
    void aDraftExperimentPutsNobodyInUnlessTheContextForcesAVariation() {
        Experiment draft = experiment(Map.of("status", "draft"));
        RunContext forcing = new RunContext(true, false, Map.of("my-test", 1), null, Map.of());

        assertNotIn(run(draft, USER_1), Reason.INACTIVE);
        assertThat(ExperimentRunner.run(draft, USER_1, forcing).reason()).isEqualTo(Reason.FORCED_BY_CONTEXT);
    }

    @Test
    void aFailedConditionMeansNotIn() {
        Experiment targeted = experiment(Map.of("condition", Map.of("country", Map.of("$in", List.of("US", "BR")))));

        assertNotIn(run(targeted, Map.of("id", "1", "country", "DE")), Reason.CONDITION_FAILED);
        assertThat(run(targeted, Map.of("id", "1", "country", "BR")).reason()).isEqualTo(Reason.ASSIGNED);
    }

    @Test
    void aMissingHashAttributeMeansNotIn() {
        assertNotIn(run(experiment(Map.of()), Map.of("country", "BR")), Reason.NO_HASH_VALUE);
    }

    @Test
    void aNumericIdIsHashedAsJavaScriptPrintsIt() {
        Experiment e = experiment(Map.of());

        AssignmentResult fromDouble = run(e, Map.of("id", 123.0));
        AssignmentResult fromString = run(e, Map.of("id", "123"));

        assertThat(fromDouble.hashValue()).isEqualTo("123");
        assertThat(fromDouble.bucket()).isEqualTo(fromString.bucket());
        assertThat(run(e, Map.of("id", 1.5)).hashValue()).isEqualTo("1.5");
    }

    private static void assertNotIn(AssignmentResult result, Reason reason) {
        assertThat(result.reason()).isEqualTo(reason);
        assertThat(result.inExperiment()).isFalse();
        assertThat(result.hashUsed()).isFalse();
        assertThat(result.variationId()).isZero();
        assertThat(result.value()).isEqualTo("control");
        assertThat(result.bucket()).isNull();
    }

    private static AssignmentResult run(Experiment e, Map<String, Object> attributes) {
        return ExperimentRunner.run(e, attributes, RunContext.defaults());
    }

    private static Experiment experiment(Map<String, Object> overrides) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("key", "my-test");
        json.put("variations", List.of("control", "treatment"));
        json.putAll(overrides);
        return Experiment.fromMap(json);
    }
}
