package dev.hearken.experiment.assign.function;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hearken.experiment.assign.conversion.OutcomeType;
import dev.hearken.experiment.assign.results.ResultsService;
import dev.hearken.experiment.service.Assignment;
import dev.hearken.experiment.service.AssignmentService;
import dev.hearken.testing.Events;
import dev.hearken.testing.aws.Emulator;
import dev.hearken.testing.aws.ExperimentSeeds;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** experiment-conversions (the {@code conversions} export) fed SQS batches through Funqy, DynamoDB in the emulator. */
@QuarkusTest
@TestProfile(ConversionsFunctionTest.ConversionsExport.class)
class ConversionsFunctionTest {

    /** The SQS worker's export; definitions re-read on every request, since tests add some. */
    public static class ConversionsExport implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.funqy.export", "conversions",
                    "hearken.experiments.cache-ttl", "0s",
                    "hearken.experiments.miss-refresh-interval", "0s");
        }
    }

    /** The experiments these tests add; removed afterwards so other tests see only the seeds. */
    private static final List<String> TEST_EXPERIMENTS = List.of("e2e-sqs");

    @AfterAll
    static void removeTestExperiments() {
        for (String key : TEST_EXPERIMENTS) {
            Emulator.shared().dynamo().deleteItem(b -> b.tableName(SeededEmulatorResource.EXPERIMENTS)
                    .key(Map.of("experimentKey", AttributeValue.fromS(key))));
        }
    }

    @Inject
    AssignmentService assignments;

    @Inject
    ResultsService results;

    @Test
    void a_batch_with_one_malformed_record_reports_exactly_that_record_and_processes_the_others() {
        JsonPath response = invoke(Events.load("experiment-conversions", "sqs-batch-one-bad"));

        assertThat(response.getList("batchItemFailures.itemIdentifier")).containsExactly("msg-conv-bad-1");
        // the program-only event after it was counted: it is in the ledger and the program's day
        assertThat(conversionRecorded("evt-sqs-ok-4")).isTrue();
        Map<String, AttributeValue> day = Emulator.shared().dynamo().getItem(b -> b.tableName("hearken-program-stats")
                .key(Map.of("program", AttributeValue.fromS("lifecycle"), "day", AttributeValue.fromS("2026-03-02")))).item();
        assertThat(Long.parseLong(day.get("email_clicked").n())).isPositive();
    }

    @Test
    void a_good_batch_reports_no_failures() {
        JsonPath response = invoke(Events.load("experiment-conversions", "sqs-batch-ok"));

        assertThat(response.getList("batchItemFailures")).isEmpty();
    }

    @Test
    void redelivered_and_duplicated_events_are_counted_once() {
        // given an exposed user
        ExperimentSeeds.put(Emulator.shared().dynamo(), SeededEmulatorResource.EXPERIMENTS, ApiEvents.JSON.valueToTree(
                Map.of("key", "e2e-sqs", "hashVersion", 2, "variations", List.of("a", "b"))));
        Assignment a = assignments.assign("e2e-sqs", "sqs-user-1", Map.of());
        String opened = ApiEvents.write(Map.of("eventId", "sqs-open-1", "userId", "sqs-user-1", "experimentKey", "e2e-sqs",
                "type", "push_opened", "occurredAt", Instant.now().plusSeconds(1).toString()));
        String revenue = ApiEvents.write(Map.of("eventId", "sqs-buy-1", "userId", "sqs-user-1", "experimentKey", "e2e-sqs",
                "type", "revenue", "value", 4.5, "occurredAt", Instant.now().plusSeconds(2).toString()));

        // when the same event arrives twice in a batch, and the batch is redelivered
        String batch = ApiEvents.sqs("dup", List.of(opened, opened, revenue));
        JsonPath first = invoke(batch);
        JsonPath redelivered = invoke(batch);

        // then
        assertThat(first.getList("batchItemFailures")).isEmpty();
        assertThat(redelivered.getList("batchItemFailures")).isEmpty();
        var r = results.results("e2e-sqs", results.defaults());
        var arm = r.metrics().stream().filter(m -> m.metric() == OutcomeType.PUSH_OPENED).findFirst().orElseThrow()
                .arms().get(a.variationId());
        assertThat(arm.events()).isEqualTo(1);
        assertThat(arm.converted()).isEqualTo(1);
        var buy = r.metrics().stream().filter(m -> m.metric() == OutcomeType.REVENUE).findFirst().orElseThrow()
                .arms().get(a.variationId());
        assertThat(buy.sum()).isEqualTo(4.5);
        assertThat(r.ignored()).containsEntry("duplicate", 4L); // 1 in the first delivery, 3 in the redelivery
    }

    @Test
    void an_event_with_a_wrong_type_fails_its_record_for_the_dlq() {
        String wrong = ApiEvents.write(Map.of("eventId", "sqs-wrong-1", "userId", "u", "experimentKey", "e2e-sqs",
                "type", "push_liked"));

        JsonPath response = invoke(ApiEvents.sqs("wrong", List.of(wrong)));

        assertThat(response.getList("batchItemFailures.itemIdentifier")).containsExactly("wrong-0");
        assertThat(conversionRecorded("sqs-wrong-1")).isFalse();
    }

    private static boolean conversionRecorded(String eventId) {
        return Emulator.shared().dynamo().getItem(b -> b.tableName("hearken-conversions").consistentRead(true)
                .key(Map.of("eventId", AttributeValue.fromS(eventId)))).hasItem();
    }

    private static JsonPath invoke(String event) {
        return given().contentType("application/json").body(event)
                .when().post()
                .then().statusCode(200)
                .extract().jsonPath();
    }
}
