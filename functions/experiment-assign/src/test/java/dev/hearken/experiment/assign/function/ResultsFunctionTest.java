package dev.hearken.experiment.assign.function;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearken.aws.config.TableNames;
import dev.hearken.testing.Events;
import dev.hearken.testing.aws.TemplateProvisioner;
import dev.hearken.testing.aws.Emulator;
import dev.hearken.testing.aws.ExperimentSeeds;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * experiment-results end to end in Quarkus with the {@code results} export: exposures made through
 * the assign function, conversions posted to {@code POST /conversions}, results, SRM and the proposed
 * winner read back from {@code GET /experiments/{key}/results}, DynamoDB in the emulator.
 *
 * <p>The assign function is called as a bean (one application serves one export); the results API
 * goes through the Lambda mock event server like any Funqy invocation.
 */
@QuarkusTest
@TestProfile(ResultsFunctionTest.ResultsExport.class)
class ResultsFunctionTest {

    /** The results export; definitions re-read on every request, since tests change them. */
    public static class ResultsExport implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.funqy.export", "results",
                    "hearken.experiments.cache-ttl", "0s",
                    "hearken.experiments.miss-refresh-interval", "0s",
                    "hearken.results.winner.min-users-per-variation", "50");
        }
    }

    /** The experiments these tests add; removed afterwards so other tests see only the seeds. */
    private static final List<String> TEST_EXPERIMENTS = List.of("e2e-digest-copy", "e2e-srm", "e2e-rollout",
            "e2e-rollout-signed");

    @AfterAll
    static void removeTestExperiments() {
        for (String key : TEST_EXPERIMENTS) {
            Emulator.shared().dynamo().deleteItem(b -> b.tableName(SeededEmulatorResource.EXPERIMENTS)
                    .key(Map.of("experimentKey", AttributeValue.fromS(key))));
        }
    }

    @Inject
    AssignFunction assignFunction;

    @Inject
    TableNames tables;

    @Test
    void every_results_table_the_function_is_configured_with_is_declared_in_the_cdk_template() {
        assertThat(TemplateProvisioner.fromClasspath().tableNames())
                .contains(tables.experimentAggregates(), tables.conversions(), tables.programStats());
    }

    @Test
    void exposures_and_conversions_give_the_counts_a_strong_winner_and_a_healthy_split() {
        // given a 50/50 experiment, 200 users assigned through the assign function
        define("e2e-digest-copy", List.of(0.5, 0.5));
        Map<Integer, List<String>> users = assign("e2e-digest-copy", "e2e-a-", 200);
        // and opens: 60 % of the emoji users, 20 % of the plain ones
        List<Map<String, Object>> opens = new ArrayList<>();
        int[] converted = new int[2];
        for (int v = 0; v < 2; v++) {
            List<String> group = users.get(v);
            for (int i = 0; i < group.size(); i++) {
                if (i % 10 < (v == 1 ? 6 : 2)) {
                    converted[v]++;
                    opens.add(event("open-" + group.get(i), group.get(i), "e2e-digest-copy", "push_opened"));
                }
            }
        }

        // when they are posted in batches of 100, and the first batch once more (a client retry)
        long counted = 0;
        for (int from = 0; from < opens.size(); from += 100) {
            counted += conversions(Map.of("events", opens.subList(from, Math.min(from + 100, opens.size()))))
                    .getLong("counted");
        }
        JsonPath retry = conversions(Map.of("events", opens.subList(0, 50)));
        JsonPath early = conversions(event("early-1", users.get(0).getFirst(), "e2e-digest-copy", "push_opened",
                "2020-01-01T00:00:00Z"));
        JsonPath results = results("e2e-digest-copy", Map.of());

        // then every event counted once, duplicates and early events ignored with their reason
        assertThat(counted).isEqualTo(opens.size());
        assertThat(retry.getLong("counted")).isZero();
        assertThat(retry.getLong("ignored.duplicate")).isEqualTo(50);
        assertThat(early.getString("events[0].reason")).isEqualTo("before_exposure");
        assertThat(results.getList("variations.users", Integer.class))
                .containsExactly(users.get(0).size(), users.get(1).size());
        assertThat(results.getString("srm.status")).isEqualTo("healthy");
        assertThat(results.getBoolean("trustworthy")).isTrue();
        assertThat(results.getString("metrics[0].metric")).isEqualTo("push_opened");
        assertThat(results.getList("metrics[0].variations.converted", Integer.class))
                .containsExactly(converted[0], converted[1]);
        assertThat(results.getDouble("metrics[0].variations[1].bayesian.chanceToWin")).isGreaterThan(0.99);
        assertThat(results.getDouble("metrics[0].variations[1].frequentist.pValue")).isLessThan(0.05);
        assertThat(results.getDouble("metrics[0].variations[1].uplift.absolute.expected"))
                .isCloseTo(results.getDouble("metrics[0].variations[1].mean") - results.getDouble("metrics[0].variations[0].mean"),
                        org.assertj.core.data.Offset.offset(1e-9));
        assertThat(results.getDouble("metrics[0].variations[1].uplift.relative.expected"))
                .isEqualTo(results.getDouble("metrics[0].variations[1].frequentist.expected"));
        assertThat(results.getString("goal")).isEqualTo("push_opened");
        assertThat(results.getBoolean("proposedWinner.proposed")).isTrue();
        assertThat(results.getString("proposedWinner.variationKey")).isEqualTo("emoji");
        assertThat(results.getLong("ignored.duplicate")).isEqualTo(50);
        assertThat(results.getLong("ignored.before_exposure")).isEqualTo(1);
    }

    @Test
    void a_split_changed_mid_flight_is_flagged_as_srm_and_blocks_the_winner() {
        // given users assigned while the split was 80/20, then the definition changed to 50/50
        define("e2e-srm", List.of(0.8, 0.2));
        Map<Integer, List<String>> users = assign("e2e-srm", "e2e-s-", 160);
        define("e2e-srm", List.of(0.5, 0.5));
        List<Map<String, Object>> opens = new ArrayList<>();
        for (String user : users.get(1)) {
            opens.add(event("srm-open-" + user, user, "e2e-srm", "push_opened"));
        }
        conversions(Map.of("events", opens));

        // when
        JsonPath results = results("e2e-srm", Map.of("goal", "push_opened", "test", "sequential"));

        // then
        assertThat(results.getString("srm.status")).isEqualTo("mismatch");
        assertThat(results.getDouble("srm.pValue")).isLessThan(0.001);
        assertThat(results.getBoolean("trustworthy")).isFalse();
        assertThat(results.getBoolean("proposedWinner.proposed")).isFalse();
        assertThat(results.getString("proposedWinner.reason")).contains("sample ratio mismatch");
        assertThat(results.getString("settings.test")).isEqualTo("sequential");
    }

    @Test
    void rolling_out_forces_the_variation_for_new_assignments_and_records_who_and_when() {
        define("e2e-rollout", List.of(0.5, 0.5));

        JsonPath response = invoke(ApiEvents.http("POST", "/experiments/e2e-rollout/rollout",
                Map.of("variation", "emoji", "by", "ana.lima@example.com", "reason", "chance to win 99 %"), null));
        JsonPath again = invoke(ApiEvents.http("POST", "/experiments/e2e-rollout/rollout",
                Map.of("variation", 1, "by", "bo@example.com"), null));

        assertThat(response.getInt("statusCode")).isEqualTo(200);
        JsonPath body = body(response);
        assertThat(body.getString("status")).isEqualTo("stopped");
        assertThat(body.getInt("force")).isEqualTo(1);
        assertThat(body.getBoolean("changed")).isTrue();
        assertThat(body(again).getBoolean("changed")).isFalse();
        Map<String, AttributeValue> item = Emulator.shared().dynamo().getItem(b -> b.tableName(SeededEmulatorResource.EXPERIMENTS)
                .key(Map.of("experimentKey", AttributeValue.fromS("e2e-rollout"))).consistentRead(true)).item();
        assertThat(item.get("rollout").m().get("by").s()).isEqualTo("ana.lima@example.com");
        assertThat(Instant.parse(item.get("rollout").m().get("at").s())).isBefore(Instant.now().plusSeconds(1));
        assertThat(item.get("rolloutHistory").l()).hasSize(1);
        JsonPath assignment = new JsonPath(assignFunction.assign(ApiEvents.httpEvent("POST",
                "/experiments/e2e-rollout/assignments", Map.of("userId", "e2e-r-1"))).getBody());
        assertThat(assignment.getString("reason")).isEqualTo("FORCED_WINNER");
        assertThat(assignment.getString("variationKey")).isEqualTo("emoji");
    }

    @Test
    void a_signed_iam_caller_is_recorded_as_the_author_of_a_rollout_and_the_body_cannot_claim_otherwise() {
        define("e2e-rollout-signed", List.of(0.5, 0.5));
        String signed = Events.load("experiment-results", "rollout-signed-caller")
                .replace("new-follower-digest", "e2e-rollout-signed")
                .replace("\\\"reason\\\"", "\\\"by\\\":\\\"someone.else@example.com\\\",\\\"reason\\\"");

        JsonPath response = invoke(signed);

        assertThat(response.getInt("statusCode")).as(response.prettify()).isEqualTo(200);
        Map<String, AttributeValue> item = Emulator.shared().dynamo().getItem(b -> b.tableName(SeededEmulatorResource.EXPERIMENTS)
                .key(Map.of("experimentKey", AttributeValue.fromS("e2e-rollout-signed"))).consistentRead(true)).item();
        assertThat(item.get("rollout").m().get("by").s())
                .isEqualTo("arn:aws:sts::123456789012:assumed-role/hearken-operators/ana.lima");
    }

    @Test
    void program_events_are_counted_per_program_and_day_for_the_overview() {
        conversions(Map.of("events", List.of(
                Map.of("eventId", "prog-1", "userId", "u-p-1", "program", "e2e-program", "type", "push_opened"),
                Map.of("eventId", "prog-2", "userId", "u-p-2", "program", "e2e-program", "type", "push_opened"),
                Map.of("eventId", "prog-3", "userId", "u-p-2", "program", "e2e-program", "type", "push_clicked"))));

        JsonPath overview = body(invoke(ApiEvents.http("GET", "/programs/e2e-program/overview", null, Map.of())));

        assertThat(overview.getLong("totals.push_opened")).isEqualTo(2);
        assertThat(overview.getLong("totals.push_clicked")).isEqualTo(1);
        assertThat(overview.getList("days")).hasSize(1);
        assertThat(overview.getList("pushSendCounters", String.class)).contains("sends", "deliveries", "capped", "deferred");
    }

    @Test
    void every_results_sample_gets_the_kind_of_answer_its_name_promises() throws IOException {
        List<String> seen = new ArrayList<>();
        try (Stream<Path> files = Files.list(Events.path("experiment-results", "x").getParent())) {
            for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                String scenario = file.getFileName().toString().replace(".json", "");
                int status = invoke(Files.readString(file)).getInt("statusCode");
                boolean bad = scenario.matches(".*(malformed|missing|unknown|bad|invalid).*");
                assertThat(status).as(scenario).isBetween(bad ? 400 : 200, bad ? 499 : 299);
                seen.add(scenario);
            }
        }
        assertThat(seen).contains("results-ok", "rollout-ok", "conversions-http-ok", "program-overview-ok",
                "results-unknown-experiment", "conversions-http-invalid-negative-value");
    }

    @Test
    void a_negative_value_is_a_400_naming_the_field_and_records_nothing() {
        JsonPath response = invoke(Events.load("experiment-results", "conversions-http-invalid-negative-value"));

        assertThat(response.getInt("statusCode")).isEqualTo(400);
        assertThat(body(response).getString("field")).isEqualTo("value");
        assertThat(Emulator.shared().dynamo().getItem(b -> b.tableName("hearken-conversions")
                .key(Map.of("eventId", AttributeValue.fromS("evt-http-bad-1")))).hasItem()).isFalse();
    }

    @Test
    void a_malformed_experiment_key_or_program_is_a_400_naming_it_not_a_404_or_an_empty_report() {
        Map<String, String> fieldByRoute = Map.of(
                "GET /experiments/..%2F..%2Fetc%2Fpasswd/results", "key",
                "POST /experiments/a%0D%0Aforged/rollout", "key",
                "GET /programs/..%2F..%2Fetc%2Fpasswd/overview", "program",
                "GET /programs/a%00b/overview", "program",
                "GET /programs/" + "p".repeat(10_000) + "/overview", "program");

        fieldByRoute.forEach((route, field) -> {
            String[] parts = route.split(" ");
            Object body = parts[0].equals("POST") ? Map.of("variation", "1", "by", "someone") : null;

            JsonPath response = invoke(ApiEvents.http(parts[0], parts[1], body, Map.of()));

            assertThat(response.getInt("statusCode")).as(route).isEqualTo(400);
            assertThat(body(response).getString("field")).as(route).isEqualTo(field);
        });
    }

    // --- helpers ---------------------------------------------------------------------------------

    private static void define(String key, List<Double> weights) {
        JsonNode definition = ApiEvents.JSON.valueToTree(Map.of("key", key, "status", "running", "hashVersion", 2,
                "variations", List.of("plain", "emoji"), "weights", weights,
                "meta", List.of(Map.of("key", "plain"), Map.of("key", "emoji"))));
        ExperimentSeeds.put(Emulator.shared().dynamo(), SeededEmulatorResource.EXPERIMENTS, definition);
    }

    /** Assigns {@code n} users through the assign function; returns them per variation. */
    private Map<Integer, List<String>> assign(String key, String prefix, int n) {
        Map<Integer, List<String>> byVariation = new HashMap<>(Map.of(0, new ArrayList<>(), 1, new ArrayList<>()));
        for (int i = 0; i < n; i++) {
            String user = prefix + i;
            var response = assignFunction.assign(ApiEvents.httpEvent("POST", "/experiments/" + key + "/assignments",
                    Map.of("userId", user)));
            JsonPath body = new JsonPath(response.getBody());
            assertThat(body.getBoolean("firstExposure")).as(response.getBody()).isTrue();
            byVariation.get(body.getInt("variationId")).add(user);
        }
        return byVariation;
    }

    private static Map<String, Object> event(String id, String user, String key, String type) {
        return Map.of("eventId", id, "userId", user, "experimentKey", key, "type", type);
    }

    private static Map<String, Object> event(String id, String user, String key, String type, String occurredAt) {
        return Map.of("eventId", id, "userId", user, "experimentKey", key, "type", type, "occurredAt", occurredAt);
    }

    private static JsonPath conversions(Object body) {
        JsonPath response = invoke(ApiEvents.http("POST", "/conversions", body, null));
        assertThat(response.getInt("statusCode")).as(response.getString("body")).isEqualTo(200);
        return body(response);
    }

    private static JsonPath results(String key, Map<String, String> query) {
        JsonPath response = invoke(ApiEvents.http("GET", "/experiments/" + key + "/results", null, query));
        assertThat(response.getInt("statusCode")).as(response.getString("body")).isEqualTo(200);
        return body(response);
    }

    static JsonPath invoke(String event) {
        return given().contentType("application/json").body(event)
                .when().post()
                .then().statusCode(200)
                .extract().jsonPath();
    }

    static JsonPath body(JsonPath response) {
        return new JsonPath(response.getString("body"));
    }
}
