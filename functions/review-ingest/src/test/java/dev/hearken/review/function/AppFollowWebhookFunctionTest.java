package dev.hearken.review.function;

import dev.hearken.review.ReviewMessages;
import static dev.hearken.review.function.ReviewTables.REVIEW_QUEUE;
import static dev.hearken.review.function.ReviewTables.drain;
import static dev.hearken.review.function.ReviewTables.invoke;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hearken.testing.Events;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import dev.hearken.review.ingest.ReviewIngestService;
import jakarta.inject.Inject;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The AppFollow webhook export: API Gateway v2 events from {@code events/review-webhook/}, the reviews queue in the emulator. */
@QuarkusTest
@TestProfile(Exports.AppFollow.class)
class AppFollowWebhookFunctionTest {

    @Inject
    ReviewIngestService ingest;

    @BeforeEach
    void emptyQueue() {
        drain(REVIEW_QUEUE);
    }

    @Test
    void a_review_with_the_right_token_is_enqueued_verbatim_and_answered_202() {
        JsonPath response = invoke(Events.load("review-webhook", "appfollow-webhook-review"));

        assertThat(response.getInt("statusCode")).isEqualTo(202);
        assertThat(body(response).getString("status")).isEqualTo("accepted");
        List<String> queued = drain(REVIEW_QUEUE);
        assertThat(queued).singleElement().satisfies(m -> {
            JsonPath message = new JsonPath(m);
            assertThat(message.getString("source")).isEqualTo("appfollow");
            assertThat(message.getString("appId")).isNull();
            assertThat(message.getString("review.text")).startsWith("Lumen - Photo Journal\nApp Store");
        });
    }

    @Test
    void a_delivered_review_ends_stored_and_analysed_once_however_often_appfollow_sends_it() {
        // given: AppFollow delivers the same review twice (it retries on timeouts)
        invoke(Events.load("review-webhook", "appfollow-webhook-review").replace("af-review-0001", "af-review-e2e"));
        invoke(Events.load("review-webhook", "appfollow-webhook-review").replace("af-review-0001", "af-review-e2e"));
        List<String> queued = drain(REVIEW_QUEUE);

        // when: the worker's service takes both messages (the ingest export is another Lambda function;
        // this application has the same beans)
        List<String> outcomes = queued.stream().map(m -> {
            return ingest.ingest(ReviewMessages.read(m)).outcome().name();
        }).toList();

        // then
        assertThat(outcomes).containsExactly("NEW", "DUPLICATE");
        assertThat(ReviewTables.versions("appstore#1234567890#af-af-review-e2e")).singleElement().satisfies(v -> {
            assertThat(v.get("rating").n()).isEqualTo("5");
            assertThat(v.get("territory").s()).isEqualTo("US");
            assertThat(v.get("appVersion").s()).isEqualTo("5.2");
            assertThat(v.get("state").s()).isEqualTo("done");
            assertThat(v.get("language").s()).isEqualTo("en");
        });
    }

    @Test
    void the_test_message_is_acknowledged_and_nothing_is_enqueued() {
        JsonPath response = invoke(Events.load("review-webhook", "appfollow-webhook-test-ping"));

        assertThat(response.getInt("statusCode")).isEqualTo(200);
        assertThat(drain(REVIEW_QUEUE)).isEmpty();
    }

    @Test
    void a_wrong_or_missing_token_is_a_401_json_error_and_nothing_is_enqueued() {
        JsonPath wrong = invoke(Events.load("review-webhook", "appfollow-webhook-bad-token"));
        JsonPath missing = invoke(Events.load("review-webhook", "appfollow-webhook-review")
                .replace("\"rawQueryString\": \"token=hearken-local-appfollow-webhook-token\",", "\"rawQueryString\": \"\",")
                .replaceFirst("\"queryStringParameters\": \\{[^}]*},", ""));

        assertThat(wrong.getInt("statusCode")).isEqualTo(401);
        assertThat(body(wrong).getString("error")).isEqualTo("unauthorized");
        assertThat(wrong.getString("headers.content-type")).startsWith("application/json");
        assertThat(missing.getInt("statusCode")).isEqualTo(401);
        assertThat(drain(REVIEW_QUEUE)).isEmpty();
    }

    @Test
    void a_malformed_body_is_a_400_and_nothing_is_enqueued() {
        JsonPath response = invoke(Events.load("review-webhook", "appfollow-webhook-malformed-body"));

        assertThat(response.getInt("statusCode")).isEqualTo(400);
        assertThat(body(response).getString("error")).isEqualTo("invalid_request");
        assertThat(drain(REVIEW_QUEUE)).isEmpty();
    }

    @Test
    void a_json_object_of_another_shape_is_a_400_naming_the_field() {
        JsonPath response = invoke(Events.load("review-webhook", "appfollow-webhook-review")
                .replaceFirst("\"body\": \".*\",", "\"body\": \"{\\\\\"hello\\\\\": 1}\","));

        assertThat(response.getInt("statusCode")).isEqualTo(400);
        assertThat(body(response).getString("field")).isEqualTo("text");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\\\"text\\\": \\\"\\\"}                 | text",
            "{\\\"text\\\": 12345}                    | text",
            "{\\\"review\\\": {}}                     | review.review_id",
            "{\\\"text\\\": \\\"just one line\\\"}    | text"})
    void a_body_the_worker_could_not_normalise_is_a_400_naming_the_field_and_nothing_is_enqueued(String body,
            String field) {
        JsonPath response = invoke(Events.load("review-webhook", "appfollow-webhook-review")
                .replaceFirst("\"body\": \".*\",", java.util.regex.Matcher.quoteReplacement(
                        "\"body\": \"" + body + "\",")));

        assertThat(response.getInt("statusCode")).isEqualTo(400);
        assertThat(body(response).getString("field")).isEqualTo(field);
        assertThat(drain(REVIEW_QUEUE)).isEmpty();
    }

    @Test
    void a_body_over_the_limit_is_a_413() {
        String big = "x".repeat(300 * 1024);
        JsonPath response = invoke(Events.load("review-webhook", "appfollow-webhook-review")
                .replaceFirst("\"body\": \".*\",", "\"body\": \"" + big + "\","));

        assertThat(response.getInt("statusCode")).isEqualTo(413);
        assertThat(drain(REVIEW_QUEUE)).isEmpty();
    }

    @Test
    void a_base64_body_that_is_not_utf8_is_a_400() {
        String invalid = Base64.getEncoder().encodeToString(new byte[] {'{', '"', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'});
        JsonPath response = invoke(Events.load("review-webhook", "appfollow-webhook-review")
                .replaceFirst("\"body\": \".*\",", "\"body\": \"" + invalid + "\",")
                .replace("\"isBase64Encoded\": false", "\"isBase64Encoded\": true"));

        assertThat(response.getInt("statusCode")).isEqualTo(400);
        assertThat(body(response).getString("message")).contains("UTF-8");
    }

    private static JsonPath body(JsonPath response) {
        return new JsonPath(response.getString("body"));
    }
}
