package dev.hearken.experiment.assign.function;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hearken.aws.config.TableNames;
import dev.hearken.testing.Events;
import dev.hearken.testing.aws.TemplateProvisioner;
import jakarta.inject.Inject;
import dev.hearken.testing.aws.Emulator;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * experiment-assign end to end inside Quarkus: API Gateway v2 events from {@code events/} posted to
 * the Lambda mock event server, DynamoDB in the emulator.
 *
 * <p>Expected variations are known answers computed from GrowthBook's published hashing
 * (FNV-1a v2: {@code fnv(str(fnv(seed + id))) % 10000 / 10000}) against the seed definitions in
 * {@code infra/seed/experiments.json}, not from our own implementation.
 */
@QuarkusTest
@QuarkusTestResource(value = SeededEmulatorResource.class, restrictToAnnotatedClass = false)
class AssignFunctionTest {

    @Inject
    TableNames tables;

    @Test
    void every_table_the_function_is_configured_with_is_declared_in_the_cdk_template() {
        assertThat(TemplateProvisioner.fromClasspath().tableNames())
                .contains(tables.experiments(), tables.exposures());
    }

    @Test
    void assigns_a_targeted_user_to_the_variation_growthbook_would_and_records_the_exposure_once() {
        // given: user-1001 hashes to 0.1086 on onboarding-push-copy -> first range [0, 0.34)
        String event = Events.load("experiment-assign", "assign-ok");

        // when
        JsonPath first = invoke(event);
        JsonPath second = invoke(event);

        // then
        assertThat(first.getInt("statusCode")).isEqualTo(200);
        JsonPath body = body(first);
        assertThat(body.getString("experimentKey")).isEqualTo("onboarding-push-copy");
        assertThat(body.getBoolean("inExperiment")).isTrue();
        assertThat(body.getInt("variationId")).isZero();
        assertThat(body.getString("variationKey")).isEqualTo("control");
        assertThat(body.getString("value")).isEqualTo("control");
        assertThat(body.getString("reason")).isEqualTo("ASSIGNED");
        assertThat(body(second).getInt("variationId")).isZero();
        assertThat(body(second).getBoolean("firstExposure")).isFalse();
        Map<String, AttributeValue> exposure = exposure("onboarding-push-copy", "user-1001");
        assertThat(exposure).isNotNull();
        assertThat(exposure.get("variationId").n()).isEqualTo("0");
        assertThat(exposure.get("expiresAt").n()).matches("\\d{10}");
    }

    @Test
    void the_batch_route_assigns_every_non_draft_experiment_including_a_rolled_out_winner() {
        JsonPath response = invoke(Events.load("experiment-assign", "assign-batch"));

        assertThat(response.getInt("statusCode")).isEqualTo(200);
        JsonPath body = body(response);
        assertThat(body.getString("userId")).isEqualTo("user-1002");
        List<String> keys = body.getList("assignments.experimentKey");
        assertThat(keys).containsExactlyInAnyOrder(
                "onboarding-push-copy", "reply-template-tone", "new-follower-digest", "checkout-banner");
        // user-1002: onboarding 0.4232 -> [0.34, 0.67) = social-proof
        assertThat(assignment(body, "onboarding-push-copy").get("variationKey")).isEqualTo("social-proof");
        // stopped with a winner: everyone gets variation 1, not hashed, not recorded as an exposure
        Map<String, Object> checkout = assignment(body, "checkout-banner");
        assertThat(checkout.get("variationId")).isEqualTo(1);
        assertThat(checkout.get("hashUsed")).isEqualTo(false);
        assertThat(exposure("checkout-banner", "user-1002")).isNull();
    }

    @Test
    void an_unknown_experiment_is_a_404_json_error_and_writes_nothing() {
        JsonPath response = invoke(Events.load("experiment-assign", "assign-unknown-experiment"));

        assertThat(response.getInt("statusCode")).isEqualTo(404);
        assertThat(body(response).getString("error")).isEqualTo("experiment_not_found");
        assertThat(response.getString("headers.content-type")).startsWith("application/json");
    }

    @Test
    void a_missing_user_id_is_a_400_naming_the_field_and_writes_nothing() {
        long before = exposureCount();

        JsonPath response = invoke(Events.load("experiment-assign", "assign-missing-user"));

        assertThat(response.getInt("statusCode")).isEqualTo(400);
        assertThat(body(response).getString("field")).isEqualTo("userId");
        assertThat(exposureCount()).isEqualTo(before);
    }

    @Test
    void a_malformed_body_is_a_400_not_a_500() {
        JsonPath response = invoke(Events.load("experiment-assign", "assign-malformed-body"));

        assertThat(response.getInt("statusCode")).isEqualTo(400);
        assertThat(body(response).getString("error")).isEqualTo("invalid_request");
    }

    @Test
    void a_numeric_user_id_beyond_double_range_is_a_400_on_both_routes_not_a_500() {
        for (String scenario : List.of("assign-ok", "assign-batch")) {
            String event = Events.load("experiment-assign", scenario)
                    .replaceFirst("\"body\": \".*\",", "\"body\": \"{\\\\\"userId\\\\\": 1e309}\",");

            JsonPath response = invoke(event);

            assertThat(response.getInt("statusCode")).as(scenario).isEqualTo(400);
            assertThat(body(response).getString("error")).as(scenario).isEqualTo("invalid_request");
            assertThat(body(response).getString("field")).as(scenario).isEqualTo("userId");
        }
    }

    @Test
    void a_malformed_experiment_key_is_a_400_naming_it_not_a_404_and_writes_nothing() {
        long before = exposureCount();
        for (String key : List.of("../../etc/passwd", "a\\u0000b", "x\\r\\nforged", "k".repeat(10_000))) {
            String event = Events.load("experiment-assign", "assign-ok")
                    .replace("\"key\": \"onboarding-push-copy\"", "\"key\": \"" + key + "\"");

            JsonPath response = invoke(event);

            assertThat(response.getInt("statusCode")).as(key).isEqualTo(400);
            assertThat(body(response).getString("field")).as(key).isEqualTo("key");
        }
        assertThat(exposureCount()).isEqualTo(before);
    }

    @Test
    void a_targeting_attribute_beyond_double_range_is_a_400_naming_it_on_both_routes() {
        for (String scenario : List.of("assign-ok", "assign-batch")) {
            String event = Events.load("experiment-assign", scenario).replaceFirst("\"body\": \".*\",",
                    "\"body\": \"{\\\\\"userId\\\\\": \\\\\"user-1001\\\\\", \\\\\"attributes\\\\\": {\\\\\"age\\\\\": 1e309}}\",");

            JsonPath response = invoke(event);

            assertThat(response.getInt("statusCode")).as(scenario).isEqualTo(400);
            assertThat(body(response).getString("field")).as(scenario).isEqualTo("attributes.age");
        }
    }

    @Test
    void a_body_over_the_limit_is_a_413() {
        String big = "x".repeat(300 * 1024);
        String event = Events.load("experiment-assign", "assign-ok")
                .replaceFirst("\"body\": \".*\",", "\"body\": \"" + big + "\",");

        JsonPath response = invoke(event);

        assertThat(response.getInt("statusCode")).isEqualTo(413);
    }

    @Test
    void a_non_ascii_user_id_is_assigned_deterministically() {
        String event = Events.load("experiment-assign", "assign-non-ascii-user");

        JsonPath first = body(invoke(event));
        JsonPath again = body(invoke(event));

        assertThat(first.getString("experimentKey")).isEqualTo("reply-template-tone");
        assertThat(again.getInt("variationId")).isEqualTo(first.getInt("variationId"));
        assertThat(again.getBoolean("inExperiment")).isEqualTo(first.getBoolean("inExperiment"));
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

    private static Map<String, Object> assignment(JsonPath body, String key) {
        return body.getMap("assignments.find { it.experimentKey == '" + key + "' }");
    }

    private static Map<String, AttributeValue> exposure(String experiment, String user) {
        var item = Emulator.shared().dynamo().getItem(b -> b.tableName(SeededEmulatorResource.EXPOSURES)
                .consistentRead(true)
                .key(Map.of("experimentKey", AttributeValue.fromS(experiment), "userId", AttributeValue.fromS(user))));
        return item.hasItem() ? item.item() : null;
    }

    private static long exposureCount() {
        return Emulator.shared().dynamo().scan(b -> b.tableName(SeededEmulatorResource.EXPOSURES)).count();
    }
}
