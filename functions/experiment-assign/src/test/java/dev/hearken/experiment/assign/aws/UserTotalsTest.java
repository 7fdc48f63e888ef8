package dev.hearken.experiment.assign.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearken.aws.experiment.UserTotals;
import dev.hearken.experiment.assign.conversion.OutcomeType;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Erasing a user (push-send's app-api) deletes the user's running totals by key, one per outcome type it knows from
 * {@link UserTotals}: a type added here without being added there would leave that type's totals behind.
 */
class UserTotalsTest {

    @Test
    void the_erasure_knows_every_outcome_type_a_running_total_can_exist_for() {
        assertThat(UserTotals.OUTCOME_TYPES)
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(OutcomeType.values()).map(OutcomeType::wireName).toList());
    }

    @Test
    void the_ledger_keys_a_running_total_as_the_erasure_looks_it_up() {
        assertThat(DynamoDbExperimentAggregates.userSk(OutcomeType.REVENUE, "user-1001"))
                .isEqualTo(UserTotals.sk("revenue", "user-1001"))
                .isEqualTo("user#revenue#user-1001");
    }
}
