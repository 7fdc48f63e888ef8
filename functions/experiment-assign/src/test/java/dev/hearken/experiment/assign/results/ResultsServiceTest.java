package dev.hearken.experiment.assign.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hearken.experiment.assignment.Experiment;
import dev.hearken.experiment.assign.conversion.ConversionOutcome;
import dev.hearken.experiment.assign.conversion.ConversionService;
import dev.hearken.experiment.assign.conversion.IgnoreReason;
import dev.hearken.experiment.assign.conversion.OutcomeEvent;
import dev.hearken.experiment.assign.conversion.OutcomeType;
import dev.hearken.experiment.service.Assignment;
import dev.hearken.experiment.service.AssignmentService;
import dev.hearken.experiment.service.CachingExperimentCatalog;
import dev.hearken.experiment.service.UnknownExperimentException;
import dev.hearken.experiment.assign.stats.DifferenceType;
import dev.hearken.experiment.assign.stats.SampleRatioMismatch;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Exposures through the assignment service, conversions through the conversion service, results back: all in memory. */
class ResultsServiceTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    private final List<Experiment> experiments = new ArrayList<>(List.of(
            Experiment.fromMap(Map.of("key", "digest-copy", "hashVersion", 2,
                    "variations", List.of("plain", "emoji"), "meta", List.of(Map.of("key", "plain"), Map.of("key", "emoji"))))));
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final CachingExperimentCatalog catalog =
            new CachingExperimentCatalog(() -> List.copyOf(experiments), clock, Duration.ZERO, Duration.ZERO);
    private final InMemoryResultsStore store = new InMemoryResultsStore();
    private final AssignmentService assignments = new AssignmentService(catalog, store, store, clock);
    private final ConversionService conversions = new ConversionService(catalog, store, store, store, Duration.ofDays(7));
    private final ResultsService results = new ResultsService(catalog, store,
            ResultsOptions.DEFAULTS.withGoal(OutcomeType.PUSH_OPENED));

    @Test
    void first_exposures_are_counted_once_per_user_and_variation() {
        Assignment a = assignments.assign("digest-copy", "user-1", Map.of());
        assignments.assign("digest-copy", "user-1", Map.of());

        assertThat(store.read("digest-copy").exposed()).containsExactly(Map.entry(a.variationId(), 1L));
    }

    @Test
    void a_strong_treatment_is_proposed_with_every_number_from_the_counters() {
        // given 400 users; the emoji variation converts 3x as often
        int[] converted = new int[2];
        for (int i = 0; i < 400; i++) {
            String user = "user-" + i;
            Assignment a = assignments.assign("digest-copy", user, Map.of());
            boolean converts = a.variationId() == 1 ? i % 10 < 6 : i % 10 < 2;
            if (converts) {
                converted[a.variationId()]++;
                ConversionOutcome o = conversions.record(opened("evt-" + i, user, NOW.plusSeconds(60)));
                assertThat(o.counted()).isTrue();
            }
        }

        ExperimentResults r = results.results("digest-copy", results.defaults());

        assertThat(r.srm().status()).isEqualTo(SampleRatioMismatch.Status.HEALTHY);
        assertThat(r.trustworthy()).isTrue();
        ExperimentResults.Metric opened = r.metrics().getFirst();
        assertThat(opened.metric()).isEqualTo(OutcomeType.PUSH_OPENED);
        assertThat(opened.arms()).extracting(ExperimentResults.Arm::converted)
                .containsExactly((long) converted[0], (long) converted[1]);
        assertThat(opened.arms().get(1).bayesian().chanceToWin()).isGreaterThan(0.999);
        assertThat(r.proposal().variationId()).isEqualTo(1);
        ExperimentResults.Arm emoji = opened.arms().get(1);
        assertThat(emoji.uplift()).containsOnlyKeys(DifferenceType.RELATIVE, DifferenceType.ABSOLUTE);
        assertThat(emoji.uplift().get(DifferenceType.ABSOLUTE).expected())
                .isCloseTo(emoji.mean() - opened.arms().get(0).mean(), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(emoji.variance()).isCloseTo(emoji.mean() * (1 - emoji.mean()), org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void duplicates_and_events_before_exposure_are_ignored_and_counted_by_reason() {
        assignments.assign("digest-copy", "user-1", Map.of());

        assertThat(conversions.record(opened("evt-early", "user-1", NOW.minusSeconds(1))).reason())
                .isEqualTo(IgnoreReason.BEFORE_EXPOSURE);
        assertThat(conversions.record(opened("evt-1", "user-1", NOW)).counted()).isTrue();
        assertThat(conversions.record(opened("evt-1", "user-1", NOW)).reason()).isEqualTo(IgnoreReason.DUPLICATE);
        assertThat(conversions.record(opened("evt-2", "user-never-assigned", NOW)).reason())
                .isEqualTo(IgnoreReason.NOT_EXPOSED);
        assertThat(conversions.record(new OutcomeEvent("evt-3", "user-1", "no-such-experiment", null,
                OutcomeType.PUSH_OPENED, 1, null, NOW)).reason()).isEqualTo(IgnoreReason.UNKNOWN_EXPERIMENT);

        ExperimentResults r = results.results("digest-copy", results.defaults());
        assertThat(r.ignored()).containsOnly(Map.entry("before_exposure", 1L), Map.entry("duplicate", 1L),
                Map.entry("not_exposed", 1L));
        assertThat(r.metrics().getFirst().arms().stream().mapToLong(ExperimentResults.Arm::events).sum()).isEqualTo(1);
    }

    @Test
    void value_metrics_sum_squares_over_users_not_events() {
        Assignment a = assignments.assign("digest-copy", "user-1", Map.of());
        conversions.record(new OutcomeEvent("buy-1", "user-1", "digest-copy", null, OutcomeType.REVENUE, 3, null, NOW));
        conversions.record(new OutcomeEvent("buy-2", "user-1", "digest-copy", null, OutcomeType.REVENUE, 4, null, NOW));

        MetricTotals t = store.read("digest-copy").totals(OutcomeType.REVENUE, a.variationId());

        assertThat(t).isEqualTo(new MetricTotals(1, 2, 7, 49)); // (3+4)², not 3² + 4²
    }

    @Test
    void a_broken_split_is_flagged_and_blocks_the_proposal() {
        for (int i = 0; i < 300; i++) {
            store.countFirstExposure("digest-copy", i < 200 ? 0 : 1);
        }

        ExperimentResults r = results.results("digest-copy", results.defaults());

        assertThat(r.srm().status()).isEqualTo(SampleRatioMismatch.Status.MISMATCH);
        assertThat(r.srm().pValue()).isLessThan(0.001);
        assertThat(r.trustworthy()).isFalse();
    }

    @Test
    void an_unknown_experiment_has_no_results() {
        assertThatThrownBy(() -> results.results("no-such-experiment", results.defaults()))
                .isInstanceOf(UnknownExperimentException.class);
    }

    @Test
    void a_program_event_counts_per_program_and_day_without_an_experiment() {
        conversions.record(new OutcomeEvent("evt-p", "user-9", null, "lifecycle", OutcomeType.PUSH_OPENED, 1, null, NOW));

        assertThat(store.programCounters).containsEntry("lifecycle|2026-03-02", Map.of("push_opened", 1L));
    }

    private static OutcomeEvent opened(String id, String user, Instant at) {
        return new OutcomeEvent(id, user, "digest-copy", null, OutcomeType.PUSH_OPENED, 1, null, at);
    }
}
