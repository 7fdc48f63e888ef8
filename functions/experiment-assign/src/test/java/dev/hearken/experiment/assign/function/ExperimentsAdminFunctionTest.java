package dev.hearken.experiment.assign.function;

import static dev.hearken.experiment.assign.function.AdminEvents.ANA;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.aws.config.TableNames;
import dev.hearken.aws.experiment.DynamoDbExperimentCatalog;
import dev.hearken.experiment.assignment.Experiment;
import dev.hearken.testing.Events;
import dev.hearken.testing.aws.Emulator;
import dev.hearken.testing.aws.ExperimentSeeds;
import dev.hearken.testing.aws.TemplateProvisioner;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * experiments-admin end to end in Quarkus with the {@code admin} export: the operator API's requests through the
 * Lambda mock event server, the experiments and audit tables in the emulator, and what assignment makes of the
 * result (the assign function called as a bean, its catalogue re-read on every request).
 */
@QuarkusTest
@TestProfile(ExperimentsAdminFunctionTest.AdminExport.class)
class ExperimentsAdminFunctionTest {

    /** The admin export; definitions re-read on every assignment, since these tests change them. */
    public static class AdminExport implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.funqy.export", "admin",
                    "hearken.experiments.cache-ttl", "0s",
                    "hearken.experiments.miss-refresh-interval", "0s");
        }
    }

    private static final String COLLECTION = "POST /admin/experiments";
    private static final String ITEM = "/admin/experiments/{experimentKey}";
    /** The experiments these tests add (besides the samples' welcome-mail-subject). */
    private static final String PREFIX = "e2e-admin-";

    @Inject
    AssignFunction assignFunction;

    @Inject
    ResultsFunction resultsFunction;

    @Inject
    TableNames tables;

    @Inject
    ObjectMapper json;

    /** Removes what these tests created and puts the shipped definitions back as they were. */
    @AfterAll
    static void restoreTheSeeds() {
        var dynamo = Emulator.shared().dynamo();
        for (var item : dynamo.scanPaginator(b -> b.tableName(SeededEmulatorResource.EXPERIMENTS)).items()) {
            String key = item.get("experimentKey").s();
            if (key.startsWith(PREFIX) || key.equals("welcome-mail-subject")) {
                dynamo.deleteItem(b -> b.tableName(SeededEmulatorResource.EXPERIMENTS)
                        .key(Map.of("experimentKey", AttributeValue.fromS(key))));
            }
        }
        ExperimentSeeds.load(dynamo, SeededEmulatorResource.EXPERIMENTS, ExperimentSeeds.defaultFile());
    }

    @Test
    void the_tables_the_function_writes_are_declared_in_the_cdk_template() {
        assertThat(TemplateProvisioner.fromClasspath().tableNames()).contains(tables.experiments(), tables.audit());
    }

    @Test
    void a_created_experiment_is_a_draft_nobody_gets_until_it_is_started_and_nobody_after_it_is_stopped() {
        String key = PREFIX + "lifecycle";

        JsonPath created = call(COLLECTION, Map.of(), null, body(key, definition(1.0)), ANA);
        String draftAnswer = assign(key, "user-l-1").getString("reason");
        JsonPath started = call("POST " + ITEM + "/start", Map.of("experimentKey", key), "\"1\"", null, ANA);
        List<JsonPath> assignments = new ArrayList<>();
        for (int u = 0; u < 200; u++) {
            assignments.add(assign(key, "user-l-" + u));
        }
        JsonPath stopped = call("POST " + ITEM + "/stop", Map.of("experimentKey", key), "W/\"2\"", null, ANA);
        String stoppedAnswer = assign(key, "user-l-1").getString("reason");

        assertThat(created.getInt("statusCode")).isEqualTo(201);
        assertThat(created.getString("headers.etag")).isEqualTo("\"1\"");
        assertThat(body(created).getString("status")).isEqualTo("draft");
        assertThat(draftAnswer).isEqualTo("INACTIVE");
        assertThat(started.getInt("statusCode")).as(started.getString("body")).isEqualTo(200);
        assertThat(body(started).getString("status")).isEqualTo("running");
        assertThat(body(started).getLong("version")).isEqualTo(2);
        assertThat(assignments).allSatisfy(a -> assertThat(a.getBoolean("inExperiment")).isTrue());
        assertThat(assignments.stream().map(a -> a.getString("variationKey")).distinct()).contains("plain", "emoji");
        assertThat(body(stopped).getString("status")).isEqualTo("stopped");
        assertThat(stoppedAnswer).isEqualTo("STOPPED");
        assertThat(history(key)).extracting(e -> e.get("action") + " by " + e.get("author"))
                .containsExactly("stop by " + ANA, "start by " + ANA, "create by " + ANA);
    }

    @Test
    void what_the_api_writes_the_catalogue_reads_as_the_same_definition() {
        String key = PREFIX + "catalogue";
        Map<String, Object> definition = definition(0.25);
        definition.put("condition", Map.of("country", Map.of("$in", List.of("DE", "AT"))));

        call(COLLECTION, Map.of(), null, body(key, definition), ANA);

        Experiment read = new DynamoDbExperimentCatalog(Emulator.shared().dynamo(), json, tables.experiments()).all()
                .stream().filter(e -> e.key().equals(key)).findFirst().orElseThrow();
        Map<String, Object> expected = new LinkedHashMap<>(definition);
        expected.put("key", key);
        expected.put("status", "draft");
        assertThat(read).isEqualTo(Experiment.fromMap(expected));
    }

    @Test
    void a_draft_is_created_without_a_version_edited_with_one_read_back_and_deleted() {
        String key = PREFIX + "edit";
        Map<String, String> path = Map.of("experimentKey", key);

        JsonPath created = call("PUT " + ITEM, path, null, Map.of("definition", definition(0.1)), ANA);
        JsonPath again = call("PUT " + ITEM, path, null, Map.of("definition", definition(0.1)), ANA);
        JsonPath edited = call("PUT " + ITEM, path, "\"1\"",
                Map.of("definition", definition(0.3), "goalMetrics", List.of("push_opened")), ANA);
        JsonPath read = call("GET " + ITEM, path, null, null, ANA);
        JsonPath deleted = call("DELETE " + ITEM, path, "\"2\"", null, ANA);
        JsonPath gone = call("GET " + ITEM, path, null, null, ANA);

        assertThat(created.getInt("statusCode")).isEqualTo(201);
        assertThat(again.getInt("statusCode")).as("a second create without a version").isEqualTo(428);
        assertThat(edited.getInt("statusCode")).as(edited.getString("body")).isEqualTo(200);
        assertThat(new JsonPath(body(read).getString("definition")).getDouble("coverage")).isEqualTo(0.3);
        assertThat(body(read).getList("goalMetrics")).containsExactly("push_opened");
        assertThat(read.getString("headers.etag")).isEqualTo("\"2\"");
        assertThat(deleted.getInt("statusCode")).isEqualTo(204);
        assertThat(gone.getInt("statusCode")).isEqualTo(404);
        assertThat(history(key)).extracting(e -> e.get("action")).containsExactly("delete", "update", "create");
    }

    @Test
    void a_running_experiment_may_be_renamed_but_not_reweighted_and_is_deleted_only_once_stopped() {
        String key = PREFIX + "running";
        Map<String, String> path = Map.of("experimentKey", key);
        call(COLLECTION, Map.of(), null, body(key, definition(1.0)), ANA);
        call("POST " + ITEM + "/start", path, "\"1\"", null, ANA);
        Map<String, Object> renamed = definition(1.0);
        renamed.put("name", "Digest copy");
        renamed.put("status", "running");
        Map<String, Object> reweighted = new LinkedHashMap<>(renamed);
        reweighted.put("weights", List.of(0.1, 0.9));

        JsonPath rename = call("PUT " + ITEM, path, "\"2\"", Map.of("definition", renamed), ANA);
        JsonPath reweight = call("PUT " + ITEM, path, "\"3\"", Map.of("definition", reweighted), ANA);
        JsonPath deleteRunning = call("DELETE " + ITEM, path, "\"3\"", null, ANA);
        call("POST " + ITEM + "/stop", path, "\"3\"", null, ANA);
        JsonPath deleteStopped = call("DELETE " + ITEM, path, "\"4\"", null, ANA);

        assertThat(rename.getInt("statusCode")).as(rename.getString("body")).isEqualTo(200);
        assertThat(reweight.getInt("statusCode")).isEqualTo(409);
        assertThat(body(reweight).getString("error")).isEqualTo("invalid_state");
        assertThat(deleteRunning.getInt("statusCode")).isEqualTo(409);
        assertThat(body(deleteRunning).getString("error")).isEqualTo("invalid_state");
        assertThat(deleteStopped.getInt("statusCode")).isEqualTo(204);
    }

    @Test
    void a_write_based_on_a_stale_version_is_a_409_with_the_current_version_and_writes_nothing() {
        String key = PREFIX + "stale";
        Map<String, String> path = Map.of("experimentKey", key);
        call(COLLECTION, Map.of(), null, body(key, definition(1.0)), ANA);

        List<JsonPath> stale = List.of(
                call("POST " + ITEM + "/start", path, "\"5\"", null, ANA),
                call("PUT " + ITEM, path, "\"0\"", Map.of("definition", definition(0.5)), ANA),
                call("DELETE " + ITEM, path, "\"2\"", null, ANA),
                call("POST " + ITEM + "/rollout", path, null, Map.of("variation", "emoji", "version", 3), ANA));

        assertThat(stale).allSatisfy(r -> {
            assertThat(r.getInt("statusCode")).as(r.getString("body")).isEqualTo(409);
            assertThat(body(r).getString("error")).isEqualTo("version_conflict");
            assertThat(body(r).getLong("currentVersion")).isEqualTo(1);
        });
        assertThat(version(key)).isEqualTo(1);
        assertThat(history(key)).hasSize(1);
    }

    @Test
    void without_an_iam_caller_every_write_is_a_401_and_nothing_is_written() {
        String key = PREFIX + "unsigned";
        Map<String, String> path = Map.of("experimentKey", key);
        call(COLLECTION, Map.of(), null, body(key, definition(1.0)), ANA);

        List<JsonPath> unsigned = List.of(
                call(COLLECTION, Map.of(), null, body(PREFIX + "unsigned-2", definition(1.0)), null),
                call("PUT " + ITEM, path, "\"1\"", Map.of("definition", definition(0.5)), null),
                call("DELETE " + ITEM, path, "\"1\"", null, null),
                call("POST " + ITEM + "/start", path, "\"1\"", null, null),
                call("POST " + ITEM + "/stop", path, "\"1\"", null, null),
                call("POST " + ITEM + "/rollout", path, "\"1\"", Map.of("variation", "emoji"), null));

        assertThat(unsigned).allSatisfy(r -> assertThat(r.getInt("statusCode")).isEqualTo(401));
        assertThat(version(key)).isEqualTo(1);
        assertThat(call("GET " + ITEM, Map.of("experimentKey", PREFIX + "unsigned-2"), null, null, ANA)
                .getInt("statusCode")).isEqualTo(404);
    }

    @Test
    void an_experiment_tested_on_5_percent_and_rolled_out_through_the_operator_api_serves_every_qualifying_user() {
        // given: a test on 5 % of German users, in half of a namespace, running
        String key = PREFIX + "rollout";
        Map<String, String> path = Map.of("experimentKey", key);
        Map<String, Object> definition = definition(0.05);
        definition.put("namespace", List.of("e2e-admin", 0, 0.5));
        definition.put("condition", Map.of("country", "DE"));
        call(COLLECTION, Map.of(), null, body(key, definition), ANA);
        call("POST " + ITEM + "/start", path, "\"1\"", null, ANA);
        double before = share(key, "DE", "emoji");

        // when
        JsonPath rolledOut = call("POST " + ITEM + "/rollout", path, "\"2\"",
                Map.of("variation", "emoji", "reason", "emoji won: chance to win 98 %"), ANA);

        // then: every qualifying user gets the winner, unhashed; the condition still decides who qualifies
        assertThat(before).as("before: the test's slice").isLessThan(0.05);
        assertThat(rolledOut.getInt("statusCode")).as(rolledOut.getString("body")).isEqualTo(200);
        assertThat(body(rolledOut).getString("status")).isEqualTo("stopped");
        assertThat(share(key, "DE", "emoji")).isEqualTo(1.0);
        assertThat(assign(key, "user-fr-1", "FR").getString("reason")).isEqualTo("CONDITION_FAILED");
        assertThat(assign(key, "user-r-1", "DE").getString("reason")).isEqualTo("FORCED_WINNER");
        Map<String, AttributeValue> item = item(key);
        assertThat(item.get("rollout").m().get("by").s()).isEqualTo(ANA);
        assertThat(item.get("rollout").m().get("reason").s()).isEqualTo("emoji won: chance to win 98 %");
        assertThat(history(key).getFirst()).containsEntry("action", "rollout").containsEntry("author", ANA);
    }

    @Test
    void the_results_apis_rollout_takes_the_same_versioned_and_audited_path() {
        String key = PREFIX + "legacy-rollout";
        ExperimentSeeds.put(Emulator.shared().dynamo(), tables.experiments(), ApiEvents.JSON.valueToTree(Map.of(
                "key", key, "status", "running", "variations", List.of("plain", "emoji"),
                "meta", List.of(Map.of("key", "plain"), Map.of("key", "emoji")))));

        var response = resultsFunction.results(ApiEvents.httpEvent("POST", "/experiments/" + key + "/rollout",
                Map.of("variation", "emoji", "by", "ana.lima@example.com")));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(version(key)).isEqualTo(1);
        assertThat(history(key)).singleElement().satisfies(e -> {
            assertThat(e).containsEntry("action", "rollout").containsEntry("author", "ana.lima@example.com");
        });
        assertThat(item(key).get("rolloutHistory").l()).hasSize(1);
    }

    /** Invalid requests per route: each answered with its status naming the field, and nothing written. */
    @Test
    void invalid_requests_are_refused_naming_the_field_and_write_nothing() {
        String key = PREFIX + "invalid";
        Map<String, String> path = Map.of("experimentKey", key);
        call(COLLECTION, Map.of(), null, body(key, definition(1.0)), ANA);
        String start = "POST " + ITEM + "/start";
        String stop = "POST " + ITEM + "/stop";
        String rollout = "POST " + ITEM + "/rollout";
        Map<String, Object> badKey = new LinkedHashMap<>(definition(1.0));
        badKey.put("key", "another-experiment");
        List<Invalid> requests = List.of(
                // POST /admin/experiments
                new Invalid(COLLECTION, Map.of(), null, Map.of("experimentKey", PREFIX + "new"), 400, "definition"),
                new Invalid(COLLECTION, Map.of(), null,
                        body(PREFIX + "new", with(Map.of("weights", List.of(0.7, 0.7)))), 400, "definition.weights"),
                new Invalid(COLLECTION, Map.of(), null, Map.of("experimentKey", PREFIX + "new", "definition",
                        definition(1.0), "owner", "ana"), 400, "owner"),
                new Invalid(COLLECTION, Map.of(), null, body(PREFIX + "new", with(Map.of("condition",
                        Map.of("country", Map.of("$inn", List.of("DE")))))), 400, "definition.condition.country.$inn"),
                new Invalid(COLLECTION, Map.of(), null, body(PREFIX + "new", with(Map.of("status", "running"))), 400,
                        "status"),
                new Invalid(COLLECTION, Map.of(), null, Map.of("definition", definition(1.0)), 400, "experimentKey"),
                new Invalid(COLLECTION, Map.of(), null, body(PREFIX + "new", with(Map.of("hashVersion", 3))), 400,
                        "definition.hashVersion"),
                // PUT /admin/experiments/{experimentKey}
                new Invalid("PUT " + ITEM, path, "\"1\"", Map.of("definition", badKey), 400, "definition.key"),
                new Invalid("PUT " + ITEM, path, "\"1\"", body(PREFIX + "other", definition(1.0)), 400,
                        "experimentKey"),
                new Invalid("PUT " + ITEM, path, "\"1\"", Map.of("definition", definition(1.0), "rollout", Map.of()),
                        400, "rollout"),
                new Invalid("PUT " + ITEM, path, "\"1\"", Map.of("definition", definition(1.0), "goalMetrics",
                        List.of("clicks")), 400, "goalMetrics[0]"),
                new Invalid("PUT " + ITEM, path, "one", Map.of("definition", definition(1.0)), 400, "If-Match"),
                new Invalid("PUT " + ITEM, path, "\"1\"", Map.of("definition", "{\"variations\": [\"a\""), 400,
                        "definition"),
                new Invalid("PUT " + ITEM, path, "\"1\"", Map.of("definition", with(Map.of("status", "running"))), 400,
                        "status"),
                new Invalid("PUT " + ITEM, path, "\"1\"", "{\"definition\": ", 400, null),
                // DELETE /admin/experiments/{experimentKey}
                new Invalid("DELETE " + ITEM, path, null, null, 428, "version"),
                new Invalid("DELETE " + ITEM, path, "abc", null, 400, "If-Match"),
                new Invalid("DELETE " + ITEM, path, "\"-1\"", null, 400, "If-Match"),
                new Invalid("DELETE " + ITEM, path, "\"1\", \"2\"", null, 400, "If-Match"),
                new Invalid("DELETE " + ITEM, Map.of("experimentKey", "no such/key"), "\"1\"", null, 400,
                        "experimentKey"),
                // POST …/start and …/stop
                new Invalid(start, path, null, null, 428, "version"),
                new Invalid(start, path, "x", null, 400, "If-Match"),
                new Invalid(start, path, null, Map.of("version", 1, "force", true), 400, "force"),
                new Invalid(start, path, null, Map.of("version", "one"), 400, "version"),
                new Invalid(start, path, "\"1\"", Map.of("version", 2), 400, "version"),
                new Invalid(stop, path, "\"1\"", null, 409, null),
                new Invalid(stop, path, null, null, 428, "version"),
                new Invalid(stop, path, "W/x", null, 400, "If-Match"),
                new Invalid(stop, path, null, Map.of("reason", "done"), 400, "reason"),
                new Invalid(stop, path, null, "[1]", 400, null),
                // POST …/rollout
                new Invalid(rollout, path, "\"1\"", Map.of("reason", "won"), 400, "variation"),
                new Invalid(rollout, path, "\"1\"", Map.of("variation", Map.of("key", "emoji")), 400, "variation"),
                // a draft has nothing to roll out, whatever the variation
                new Invalid(rollout, path, "\"1\"", Map.of("variation", "sparkles"), 409, null),
                new Invalid(rollout, path, "\"1\"", Map.of("variation", "emoji", "by", "bo@example.com"), 400, "by"),
                new Invalid(rollout, path, "\"1\"", Map.of("variation", "emoji", "reason", " "), 400, "reason"),
                new Invalid(rollout, path, null, Map.of("variation", "emoji"), 428, "version"),
                // GET /admin/experiments/{experimentKey}
                new Invalid("GET " + ITEM, Map.of("experimentKey", "bad key!"), null, null, 400, "experimentKey"),
                new Invalid("GET " + ITEM, Map.of("experimentKey", PREFIX + "never-created"), null, null, 404, null));

        for (Invalid r : requests) {
            JsonPath response = call(r.routeKey(), r.path(), r.ifMatch(), r.body(), ANA);
            String label = r.routeKey() + " " + r.body() + " If-Match " + r.ifMatch();
            assertThat(response.getInt("statusCode")).as(label + ": " + response.getString("body"))
                    .isEqualTo(r.status());
            if (r.field() != null) {
                assertThat(body(response).getString("field")).as(label).isEqualTo(r.field());
            }
        }
        assertThat(version(key)).isEqualTo(1);
        assertThat(history(key)).hasSize(1);
        assertThat(call("GET " + ITEM, Map.of("experimentKey", PREFIX + "new"), null, null, ANA).getInt("statusCode"))
                .isEqualTo(404);
    }

    @Test
    void every_admin_sample_gets_the_kind_of_answer_its_name_promises() throws IOException {
        List<String> seen = new ArrayList<>();
        try (Stream<Path> files = Files.list(Events.path("experiments-admin", "x").getParent())) {
            for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                String scenario = file.getFileName().toString().replace(".json", "");
                JsonPath response = invoke(Files.readString(file));
                boolean bad = scenario.matches(".*(malformed|missing|unknown|bad|invalid|stale|oversized).*");
                assertThat(response.getInt("statusCode")).as(scenario + ": " + response.getString("body"))
                        .isBetween(bad ? 400 : 200, bad ? 499 : 299);
                seen.add(scenario);
            }
        }
        assertThat(seen).contains("create-draft-ok", "start-ok", "stop-ok", "rollout-ok", "update-draft-ok",
                "delete-stopped-ok", "create-invalid-weights", "start-stale-version", "create-missing-iam-caller");
        assertThat(item("spring-sale-subject").get("status").s()).isEqualTo("stopped");
        assertThat(item("reply-template-tone").get("rollout").m().get("variationKey").s()).isEqualTo("friendly");
        assertThat(item("onboarding-push-copy")).as("left to the assignment samples").doesNotContainKey("version");
        assertThat(item("checkout-banner")).isEmpty();
        assertThat(history("welcome-mail-subject")).extracting(e -> e.get("action"))
                .containsExactly("update", "create");
    }

    // --- helpers ---------------------------------------------------------------------------------

    private record Invalid(String routeKey, Map<String, String> path, String ifMatch, Object body, int status,
            String field) {}

    /** A two-variation definition (plain, emoji; 50/50) with {@code coverage}. */
    private static Map<String, Object> definition(double coverage) {
        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("hashVersion", 2);
        definition.put("variations", List.of("plain", "emoji"));
        definition.put("weights", List.of(0.5, 0.5));
        definition.put("coverage", coverage);
        definition.put("meta", List.of(Map.of("key", "plain"), Map.of("key", "emoji")));
        return definition;
    }

    private static Map<String, Object> with(Map<String, Object> changes) {
        Map<String, Object> definition = definition(1.0);
        definition.putAll(changes);
        return definition;
    }

    private static Map<String, Object> body(String key, Map<String, Object> definition) {
        return Map.of("experimentKey", key, "definition", definition);
    }

    private static JsonPath call(String routeKey, Map<String, String> path, String ifMatch, Object body,
            String caller) {
        return invoke(AdminEvents.http(routeKey, path, ifMatch, body, caller));
    }

    private static List<Map<String, Object>> history(String key) {
        JsonPath response = call("GET " + ITEM + "/history", Map.of("experimentKey", key), null, null, ANA);
        assertThat(response.getInt("statusCode")).isEqualTo(200);
        return body(response).getList("items");
    }

    private static long version(String key) {
        return body(call("GET " + ITEM, Map.of("experimentKey", key), null, null, ANA)).getLong("version");
    }

    private Map<String, AttributeValue> item(String key) {
        return Emulator.shared().dynamo().getItem(b -> b.tableName(tables.experiments())
                .key(Map.of("experimentKey", AttributeValue.fromS(key))).consistentRead(true)).item();
    }

    private JsonPath assign(String key, String user) {
        return assign(key, user, "DE");
    }

    private JsonPath assign(String key, String user, String country) {
        return new JsonPath(assignFunction.assign(ApiEvents.httpEvent("POST", "/experiments/" + key + "/assignments",
                Map.of("userId", user, "attributes", Map.of("country", country)))).getBody());
    }

    /**
     * The share of 500 users of {@code country} who are in the experiment and get {@code variationKey}: enough to
     * tell 100 % from a 5 % slice (RolloutServiceTest checks the shares themselves on 2,000 without the API).
     */
    private double share(String key, String country, String variationKey) {
        int hits = 0;
        for (int u = 0; u < 500; u++) {
            JsonPath a = assign(key, "user-" + country + "-" + u, country);
            if (a.getBoolean("inExperiment") && variationKey.equals(a.getString("variationKey"))) {
                hits++;
            }
        }
        return hits / 500.0;
    }

    private static JsonPath invoke(String event) {
        return given().contentType("application/json").body(event)
                .when().post()
                .then().statusCode(200)
                .extract().jsonPath();
    }

    private static JsonPath body(JsonPath response) {
        return new JsonPath(response.getString("body"));
    }
}
