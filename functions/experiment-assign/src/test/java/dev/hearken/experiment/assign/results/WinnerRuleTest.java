package dev.hearken.experiment.assign.results;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearken.experiment.assign.stats.BayesianTest;
import dev.hearken.experiment.assign.stats.FrequentistTest;
import dev.hearken.experiment.assign.stats.SampleRatioMismatch;
import dev.hearken.experiment.assign.stats.SampleStatistic;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WinnerRuleTest {

    private static final SampleRatioMismatch.Check HEALTHY =
            new SampleRatioMismatch.Check(0.5, SampleRatioMismatch.Status.HEALTHY, 0.001);
    private static final SampleRatioMismatch.Check MISMATCH =
            new SampleRatioMismatch.Check(1e-6, SampleRatioMismatch.Status.MISMATCH, 0.001);

    @Test
    void a_treatment_with_a_chance_to_win_of_95_percent_or_more_is_proposed() {
        // push CTR 5.12 % vs 5.80 % on 10 000 users each: chance to win 0.977 (gbstats vector push_ctr_flat_prior)
        List<ExperimentResults.Arm> arms = arms(10_000, 512, 10_000, 580);

        WinnerRule.Decision d = WinnerRule.DEFAULTS.decide(arms, false, HEALTHY);

        assertThat(d.variationId()).isEqualTo(1);
        assertThat(d.reason()).startsWith("chance to win 0.9766");
    }

    @Test
    void nothing_is_proposed_when_the_split_is_broken() {
        WinnerRule.Decision d = WinnerRule.DEFAULTS.decide(arms(10_000, 512, 10_000, 580), false, MISMATCH);

        assertThat(d.proposed()).isFalse();
        assertThat(d.reason()).contains("sample ratio mismatch");
    }

    @Test
    void nothing_is_proposed_below_the_minimum_sample() {
        WinnerRule rule = new WinnerRule(WinnerRule.Mode.BAYESIAN, 0.95, 0.05, 20_000, true);

        assertThat(rule.decide(arms(10_000, 512, 10_000, 580), false, HEALTHY).reason()).startsWith("not enough users");
    }

    @Test
    void the_control_is_proposed_when_every_treatment_is_almost_surely_worse() {
        WinnerRule.Decision d = WinnerRule.DEFAULTS.decide(arms(10_000, 580, 10_000, 512), false, HEALTHY);

        assertThat(d.variationId()).isZero();
    }

    @Test
    void for_an_inverse_metric_fewer_events_win() {
        // reopened tickets: 5.80 % → 5.12 % is an improvement
        WinnerRule.Decision d = WinnerRule.DEFAULTS.decide(arms(10_000, 580, 10_000, 512, true), true, HEALTHY);

        assertThat(d.variationId()).isEqualTo(1);
    }

    @Test
    void the_frequentist_rule_needs_p_below_alpha_in_the_better_direction() {
        WinnerRule rule = new WinnerRule(WinnerRule.Mode.FREQUENTIST, 0.95, 0.05, 100, true);

        // p = 0.0468 (gbstats vector push_ctr_relative)
        assertThat(rule.decide(arms(10_000, 512, 10_000, 580), false, HEALTHY).variationId()).isEqualTo(1);
        assertThat(new WinnerRule(WinnerRule.Mode.FREQUENTIST, 0.95, 0.01, 100, true)
                .decide(arms(10_000, 512, 10_000, 580), false, HEALTHY).proposed()).isFalse();
    }

    private static List<ExperimentResults.Arm> arms(long n0, long c0, long n1, long c1) {
        return arms(n0, c0, n1, c1, false);
    }

    private static List<ExperimentResults.Arm> arms(long n0, long c0, long n1, long c1, boolean inverse) {
        var a = new SampleStatistic.Proportion(n0, c0);
        var b = new SampleStatistic.Proportion(n1, c1);
        return List.of(
                new ExperimentResults.Arm(0, "control", n0, c0, c0, c0, a.mean(), a.variance(), null, null, Map.of()),
                new ExperimentResults.Arm(1, "treatment", n1, c1, c1, c1, b.mean(), b.variance(),
                        FrequentistTest.TWO_SIDED.run(a, b, FrequentistTest.Config.DEFAULTS),
                        BayesianTest.run(a, b, new BayesianTest.Config(
                                dev.hearken.experiment.assign.stats.DifferenceType.RELATIVE, 0.05, BayesianTest.Prior.FLAT, inverse)),
                        Map.of()));
    }
}
