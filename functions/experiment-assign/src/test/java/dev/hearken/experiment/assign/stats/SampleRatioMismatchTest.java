package dev.hearken.experiment.assign.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SampleRatioMismatchTest {

    @Test
    void below_eight_users_per_variation_there_is_not_enough_traffic_to_tell() {
        var check = SampleRatioMismatch.check(List.of(15L, 0L), List.of(0.5, 0.5), 0.001);

        assertThat(check.status()).isEqualTo(SampleRatioMismatch.Status.NOT_ENOUGH_TRAFFIC);
        assertThat(check.mismatch()).isFalse();
    }

    @Test
    void a_4800_to_5200_split_of_a_50_50_test_is_a_mismatch() {
        var check = SampleRatioMismatch.check(List.of(4800L, 5200L), List.of(0.5, 0.5), 0.001);

        assertThat(check.status()).isEqualTo(SampleRatioMismatch.Status.MISMATCH);
        assertThat(check.pValue()).isCloseTo(6.334248366623988e-05, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void weights_need_not_be_normalised() {
        assertThat(SampleRatioMismatch.pValue(List.of(950L, 2050L), List.of(3.0, 7.0)))
                .isCloseTo(0.04636582643784486, org.assertj.core.data.Offset.offset(1e-12));
    }
}
