package dev.hearken.review.function;

import static dev.hearken.review.function.ReviewTables.invoke;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearken.review.aws.DynamoDbApps;
import dev.hearken.review.aws.ReviewMessageJson;
import dev.hearken.review.ingest.ReviewIngestService;
import dev.hearken.review.model.ReviewApp;
import dev.hearken.review.model.Store;
import dev.hearken.testing.Events;
import dev.hearken.testing.aws.Emulator;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * review-ingest's operator API ({@code review-ingest-admin}), fed from {@code events/review-ingest-admin/} through the
 * mock event server on the emulator with the seeded apps: apps checked by their store's rules, stored in the shape
 * the poller reads, versioned and audited; a review's decisions as the worker stored them.
 */
@QuarkusTest
@TestProfile(Exports.Admin.class)
@QuarkusTestResource(value = ReviewEmulatorResource.class, restrictToAnnotatedClass = false)
class ReviewAdminFunctionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String APPS = "hearken-review-apps";
    private static final String APP_ROUTE = "/admin/review-apps/{appId}";
    private static final Random IDS = new Random();

    @Inject
    ReviewIngestService ingest;

    @Inject
    ReviewMessageJson messages;

    @Test
    void an_operator_creates_reads_updates_and_deletes_an_app_and_every_change_is_in_its_history() throws Exception {
        String appId = "com.example.admin" + IDS.nextInt(1_000_000);

        JsonPath created = call("POST", "/admin/review-apps", null, null,
                Map.of("appId", appId, "store", "googleplay", "name", "Admin Notes"), true);
        JsonPath read = call("GET", APP_ROUTE, appId, null, null, true);
        JsonPath updated = call("PUT", APP_ROUTE, appId, "\"1\"",
                Map.of("store", "googleplay", "name", "Admin Notes", "enabled", false), true);
        JsonPath deleted = call("DELETE", APP_ROUTE, appId, "\"2\"", null, true);
        JsonPath history = call("GET", APP_ROUTE + "/history", appId, null, null, true);

        assertThat(created.getInt("statusCode")).isEqualTo(201);
        assertThat(body(read).get("enabled").asBoolean()).isTrue();
        assertThat(body(updated).get("enabled").asBoolean()).isFalse();
        assertThat(deleted.getInt("statusCode")).isEqualTo(204);
        assertThat(ReviewTables.scan(APPS)).noneMatch(i -> i.get("appId").s().equals(appId));
        assertThat(body(history).get("items")).extracting(e -> e.get("action").asText())
                .containsExactly("delete", "update", "create");
    }

    @Test
    void an_app_written_through_the_api_is_what_the_poller_and_the_worker_read() throws Exception {
        String appId = Integer.toString(100_000 + IDS.nextInt(900_000));
        call("PUT", APP_ROUTE, appId, null, Map.of("store", "appstore", "name", "Team B Journal",
                "credentials", "hearken/appstore-team-b", "languages", List.of("es", "pt-BR")), true);

        // the reader behind the poller's targets (HandlerServices) and the worker's reply languages
        ReviewApp app = new DynamoDbApps(Emulator.shared().dynamo(), APPS, Duration.ZERO).all().stream()
                .filter(a -> a.appId().equals(appId)).findFirst().orElseThrow();

        assertThat(app).isEqualTo(new ReviewApp(appId, Store.APP_STORE, "Team B Journal", true,
                "hearken/appstore-team-b", List.of("es", "pt-BR")));
        assertThat(app.answersIn("pt")).isTrue();
        assertThat(app.answersIn("en")).isFalse();
    }

    @Test
    void the_sample_edit_of_a_seeded_app_applies_and_a_stale_one_is_a_409() {
        JsonPath updated = invoke(Events.load("review-ingest-admin", "update-app-ok"));
        JsonPath stale = invoke(Events.load("review-ingest-admin", "update-app-stale"));

        assertThat(updated.getInt("statusCode")).isEqualTo(200);
        assertThat(new JsonPath(updated.getString("body")).getInt("version")).isEqualTo(1);
        assertThat(stale.getInt("statusCode")).isEqualTo(409);
        for (String sample : List.of("list-apps-ok", "get-app-ok", "app-history-ok")) {
            assertThat(invoke(Events.load("review-ingest-admin", sample)).getInt("statusCode")).as(sample).isEqualTo(200);
        }
    }

    @Test
    void invalid_apps_are_400s_naming_the_field_and_write_nothing() throws Exception {
        record Case(String appId, Object body, String field) {}
        String apple = Integer.toString(100_000 + IDS.nextInt(900_000));
        String play = "com.example.bad" + IDS.nextInt(1_000_000);
        List<Case> cases = List.of(
                new Case(apple, Map.of("store", "itunes", "name", "X"), "store"),
                new Case(play, Map.of("store", "appstore", "name", "X"), "appId"),
                new Case(apple, Map.of("store", "googleplay", "name", "X"), "appId"),
                new Case(apple, Map.of("store", "appstore"), "name"),
                new Case(apple, Map.of("store", "appstore", "name", "X", "enabled", "yes"), "enabled"),
                new Case(apple, Map.of("store", "appstore", "name", "X", "credentials", "hearken/zendesk"), "credentials"),
                new Case(apple, Map.of("store", "appstore", "name", "X",
                        "credentials", "arn:aws:secretsmanager:us-east-1:123456789012:secret:other/appstore-AbCdEf"),
                        "credentials"),
                new Case(apple, Map.of("store", "appstore", "name", "X", "languages", List.of("english")), "languages"),
                new Case(apple, Map.of("store", "appstore", "name", "X", "languages", List.of("es", "es")), "languages"),
                new Case(apple, Map.of("store", "appstore", "name", "X", "owner", "ana"), "owner"));

        for (Case c : cases) {
            JsonPath response = call("PUT", APP_ROUTE, c.appId(), null, c.body(), true);
            assertThat(response.getInt("statusCode")).as(c.toString()).isEqualTo(400);
            assertThat(body(response).get("field").asText()).as(c.toString()).isEqualTo(c.field());
        }
        assertThat(ReviewTables.scan(APPS)).noneMatch(i -> i.get("appId").s().equals(apple) || i.get("appId").s().equals(play));
        JsonPath sample = invoke(Events.load("review-ingest-admin", "create-app-invalid-app-id"));
        assertThat(body(sample).get("field").asText()).isEqualTo("appId");
    }

    @Test
    void a_write_without_an_iam_caller_is_a_401_and_writes_nothing() throws Exception {
        String appId = Integer.toString(100_000 + IDS.nextInt(900_000));

        JsonPath response = call("PUT", APP_ROUTE, appId, null, Map.of("store", "appstore", "name", "X"), false);

        assertThat(response.getInt("statusCode")).isEqualTo(401);
        assertThat(ReviewTables.scan(APPS)).noneMatch(i -> i.get("appId").s().equals(appId));
    }

    @Test
    void the_decisions_of_an_ingested_review_name_its_analysis_and_why_it_was_offered_a_reply() throws Exception {
        // given: the App Store review of the SQS sample, ingested by the worker's service
        String body = JSON.readTree(Events.load("review-ingest", "sqs-batch-ok")).get("Records").get(0).get("body").asText();
        ingest.ingest(messages.read(body));

        JsonPath response = invoke(Events.load("review-ingest-admin", "review-decisions-ok"));

        assertThat(response.getInt("statusCode")).isEqualTo(200);
        JsonNode decisions = body(response);
        assertThat(decisions.get("reviewKey").asText()).isEqualTo("appstore#1234567890#00000047-81ef-5a01-8e55-7e7200000005");
        JsonNode version = decisions.get("versions").get(0);
        assertThat(version.get("state").asText()).isEqualTo("done");
        assertThat(version.get("language").asText()).isEqualTo("en");
        assertThat(version.get("spam").asBoolean()).isFalse();
        assertThat(version.get("intent").asText()).isNotBlank();
        assertThat(version.get("sentiment").isNumber()).isTrue();
        assertThat(version.get("flags").isArray()).isTrue();
        assertThat(version.get("modelVersion").asText()).isNotBlank();
        assertThat(version.get("reply").get("reason").asText()).isNotBlank();
        assertThat(version.get("reply").get("eligible").asBoolean())
                .isEqualTo(version.get("reply").get("rule").isTextual());
        assertThat(version.has("body")).isFalse();
        assertThat(version.has("author")).isFalse();
    }

    @Test
    void the_decisions_of_a_review_without_an_iam_caller_are_a_401() throws Exception {
        // given: the sample lookup as the local gateway passes an unsigned request, without the authoriser block
        ObjectNode event = (ObjectNode) JSON.readTree(Events.load("review-ingest-admin", "review-decisions-ok"));
        ((ObjectNode) event.get("requestContext")).remove("authorizer");
        ((ObjectNode) event.get("headers")).remove("authorization");

        JsonPath response = invoke(JSON.writeValueAsString(event));

        assertThat(response.getInt("statusCode")).isEqualTo(401);
        assertThat(body(response).get("error").asText()).isEqualTo("unauthenticated");
    }

    @Test
    void an_unknown_review_is_a_404_and_a_malformed_one_a_400_naming_the_field() throws Exception {
        assertThat(invoke(Events.load("review-ingest-admin", "review-decisions-unknown-review")).getInt("statusCode"))
                .isEqualTo(404);
        JsonPath store = invoke(Events.load("review-ingest-admin", "review-decisions-invalid-store"));
        assertThat(body(store).get("field").asText()).isEqualTo("store");
        JsonPath appId = invoke(Events.load("review-ingest-admin", "review-decisions-ok")
                .replace("\"appId\": \"1234567890\"", "\"appId\": \"com.example.lumen\""));
        assertThat(body(appId).get("field").asText()).isEqualTo("appId");
        JsonPath reviewId = invoke(Events.load("review-ingest-admin", "review-decisions-ok")
                .replace("\"reviewId\": \"00000047-81ef-5a01-8e55-7e7200000005\"", "\"reviewId\": \"../x\""));
        assertThat(body(reviewId).get("field").asText()).isEqualTo("reviewId");
    }

    /** Calls a route as API Gateway would, with an IAM caller when {@code signed}. */
    private static JsonPath call(String method, String route, String appId, String ifMatch, Object body, boolean signed)
            throws Exception {
        ObjectNode event = (ObjectNode) JSON.readTree(Events.load("review-ingest-admin", "get-app-ok"));
        event.put("routeKey", method + " " + route);
        ObjectNode context = (ObjectNode) event.get("requestContext");
        context.put("routeKey", method + " " + route);
        ((ObjectNode) context.get("http")).put("method", method);
        ObjectNode params = event.putObject("pathParameters");
        if (appId != null) {
            params.put("appId", appId);
        }
        ObjectNode headers = (ObjectNode) event.get("headers");
        if (ifMatch != null) {
            headers.put("if-match", ifMatch);
        }
        if (!signed) {
            context.remove("authorizer");
            headers.remove("authorization");
        }
        if (body != null) {
            event.put("body", JSON.writeValueAsString(body));
        }
        return invoke(event.toString());
    }

    private static JsonNode body(JsonPath response) throws Exception {
        return JSON.readTree(response.getString("body"));
    }
}
