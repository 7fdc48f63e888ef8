package dev.hearken.experiment.assign.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EffectMomentsTest {

    @Test
    void a_proportion_has_variance_p_times_one_minus_p_without_the_n_minus_one_correction() {
        var p = new SampleStatistic.Proportion(100, 49);

        assertThat(p.variance()).isCloseTo(0.49 * 0.51, within(1e-15));
    }

    @Test
    void a_sample_mean_of_fewer_than_two_units_has_no_variance_so_no_test_runs() {
        var one = new SampleStatistic.SampleMean(1, 5, 25);
        var many = new SampleStatistic.SampleMean(10, 50, 300);

        assertThat(one.variance()).isZero();
        assertThat(EffectMoments.of(one, many, DifferenceType.RELATIVE).errorMessage())
                .isEqualTo(EffectMoments.ZERO_NEGATIVE_VARIANCE);
    }

    @Test
    void welch_degrees_of_freedom_of_two_equal_arms_are_two_n_minus_two() {
        var a = new SampleStatistic.SampleMean(50, 100, 300);

        assertThat(EffectMoments.welchDegreesOfFreedom(a, a)).isCloseTo(98, within(1e-9));
    }

    @Test
    void the_sequential_interval_is_wider_than_the_fixed_horizon_one() {
        var a = new SampleStatistic.Proportion(10_000, 512);
        var b = new SampleStatistic.Proportion(10_000, 580);

        var fixed = FrequentistTest.TWO_SIDED.run(a, b, FrequentistTest.Config.DEFAULTS);
        var sequential = FrequentistTest.SEQUENTIAL_TWO_SIDED.run(a, b, FrequentistTest.Config.DEFAULTS);

        assertThat(sequential.ciUpper() - sequential.ciLower()).isGreaterThan(fixed.ciUpper() - fixed.ciLower());
        assertThat(sequential.pValue()).isGreaterThan(fixed.pValue());
    }
}
