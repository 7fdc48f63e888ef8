package dev.hearken.experiment.assign.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearken.aws.experiment.DynamoDbProgramStats;
import dev.hearken.experiment.assign.conversion.AttributedConversion;
import dev.hearken.experiment.assign.conversion.IgnoreReason;
import dev.hearken.experiment.assign.conversion.OutcomeEvent;
import dev.hearken.experiment.assign.conversion.OutcomeType;
import dev.hearken.experiment.assign.results.MetricTotals;
import dev.hearken.testing.aws.Emulator;
import dev.hearken.testing.aws.TemplateProvisioner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The conversion ledger and the aggregates against the emulator, on the tables the CDK template declares. */
class DynamoDbConversionLedgerTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private static DynamoDbClient dynamo;
    private static DynamoDbConversionLedger ledger;
    private static DynamoDbExperimentAggregates aggregates;

    @BeforeAll
    static void provision() {
        Emulator emulator = Emulator.shared();
        TemplateProvisioner.fromClasspath().provision(emulator.dynamo(), emulator.sqs());
        dynamo = emulator.dynamo();
        ledger = new DynamoDbConversionLedger(dynamo, "hearken-conversions", "hearken-experiment-aggregates",
                "hearken-program-stats", Duration.ofDays(35), Duration.ofDays(400), Clock.systemUTC());
        aggregates = new DynamoDbExperimentAggregates(dynamo, "hearken-experiment-aggregates");
    }

    /**
     * Sequential on purpose: moto applies a transaction by snapshotting and restoring its tables, which
     * is not isolated from concurrent requests (a concurrent run here lost events that real DynamoDB's
     * serializable transactions would keep), so a concurrency test would test moto, not the ledger.
     */
    @Test
    void value_events_of_one_user_sum_squares_over_the_users_total() {
        // given 12 revenue events of 1..12 for one user
        String experiment = "ledger-" + UUID.randomUUID();

        // when
        List<Boolean> applied = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            applied.add(ledger.apply(new AttributedConversion(new OutcomeEvent(experiment + "-buy-" + i, "user-7",
                    experiment, null, OutcomeType.REVENUE, i, null, NOW), 1)));
        }

        // then every event counted once, and Σy² is (1+…+12)² = 78², not Σ i²
        assertThat(applied).containsOnly(true);
        assertThat(aggregates.read(experiment).totals(OutcomeType.REVENUE, 1))
                .isEqualTo(new MetricTotals(1, 12, 78, 78 * 78));
    }

    @Test
    void a_redelivered_event_changes_nothing() {
        String experiment = "ledger-" + UUID.randomUUID();
        OutcomeEvent e = new OutcomeEvent(experiment + "-open", "user-8", experiment, "lifecycle",
                OutcomeType.PUSH_OPENED, 1, null, NOW);

        boolean first = ledger.apply(new AttributedConversion(e, 0));
        boolean again = ledger.apply(new AttributedConversion(e, 0));

        assertThat(first).isTrue();
        assertThat(again).isFalse();
        assertThat(aggregates.read(experiment).totals(OutcomeType.PUSH_OPENED, 0)).isEqualTo(new MetricTotals(1, 1, 1, 1));
    }

    @Test
    void exposures_and_ignored_reasons_are_counted_and_read_back_in_one_query() {
        String experiment = "aggregates-" + UUID.randomUUID();
        aggregates.countFirstExposure(experiment, 0);
        aggregates.countFirstExposure(experiment, 1);
        aggregates.countFirstExposure(experiment, 1);
        aggregates.countIgnored(experiment, IgnoreReason.BEFORE_EXPOSURE);

        var snapshot = aggregates.read(experiment);

        assertThat(snapshot.exposed()).containsEntry(0, 1L).containsEntry(1, 2L);
        assertThat(snapshot.ignored()).containsEntry(IgnoreReason.BEFORE_EXPOSURE, 1L);
    }

    @Test
    void program_events_add_to_the_program_day() {
        String program = "program-" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            ledger.apply(new AttributedConversion(new OutcomeEvent(program + "-" + i, "u-" + i, null, program,
                    OutcomeType.EMAIL_CLICKED, 1, null, NOW), null));
        }

        var days = new DynamoDbProgramStats(dynamo, "hearken-program-stats")
                .read(program, LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-31"));

        assertThat(days).singleElement().satisfies(d -> {
            assertThat(d.day()).isEqualTo(LocalDate.parse("2026-03-02"));
            assertThat(d.counters()).containsEntry("email_clicked", 3L);
        });
    }
}
