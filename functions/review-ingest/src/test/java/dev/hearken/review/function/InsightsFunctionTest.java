package dev.hearken.review.function;

import static dev.hearken.review.function.ReviewTables.invoke;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hearken.review.aws.DynamoDbImpactCounter;
import dev.hearken.testing.Events;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The impact query export: GET events from {@code events/review-insights/}, counters in the emulator. */
@QuarkusTest
@TestProfile(Exports.Insights.class)
class InsightsFunctionTest {

    @Inject
    DynamoDbImpactCounter counter;

    @Test
    void the_query_returns_distinct_users_per_version_and_day_since_the_given_day_and_their_total() {
        // given: app "insights-app", topic error: 2 users on 5.2.0 on 03-01 (one counted twice), 1 on 5.2.1 on 03-02,
        // and one before the window
        String app = "insights-app";
        counter.count(app, "error", "5.2.0", LocalDate.parse("2026-03-01"), "user-a");
        counter.count(app, "error", "5.2.0", LocalDate.parse("2026-03-01"), "user-a");
        counter.count(app, "error", "5.2.0", LocalDate.parse("2026-03-01"), "user-b");
        counter.count(app, "error", "5.2.1", LocalDate.parse("2026-03-02"), "user-a");
        counter.count(app, "error", "5.1.0", LocalDate.parse("2026-01-15"), "user-c");
        counter.count(app, "pricing", "5.2.0", LocalDate.parse("2026-03-01"), "user-d");

        // when
        JsonPath response = invoke(Events.load("review-insights", "impact-error-since")
                .replace("1234567890", app));

        // then
        assertThat(response.getInt("statusCode")).isEqualTo(200);
        JsonPath body = new JsonPath(response.getString("body"));
        assertThat(body.getString("appId")).isEqualTo(app);
        assertThat(body.getInt("totalUsers")).isEqualTo(3);
        assertThat(body.getInt("usersByVersion.'5.2.0'")).isEqualTo(2);
        assertThat(body.getInt("usersByVersion.'5.2.1'")).isEqualTo(1);
        assertThat(body.getMap("usersByVersion")).doesNotContainKey("5.1.0");
        assertThat(body.getInt("byVersionAndDay.'5.2.0'.'2026-03-01'")).isEqualTo(2);
    }

    @Test
    void an_unknown_topic_is_a_400_naming_the_field() {
        JsonPath response = invoke(Events.load("review-insights", "impact-unknown-topic"));

        assertThat(response.getInt("statusCode")).isEqualTo(400);
        assertThat(new JsonPath(response.getString("body")).getString("field")).isEqualTo("topic");
    }

    @Test
    void an_invalid_since_is_a_400_naming_the_field() {
        JsonPath response = invoke(Events.load("review-insights", "impact-invalid-since"));

        assertThat(response.getInt("statusCode")).isEqualTo(400);
        assertThat(new JsonPath(response.getString("body")).getString("field")).isEqualTo("since");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../etc/passwd", "app\\u0000", "app\\r\\nINFO forged", "app id"})
    void a_garbage_app_id_is_a_400_naming_it_not_an_empty_report(String appIdJson) {
        JsonPath response = invoke(Events.load("review-insights", "impact-error-since")
                .replace("\"appId\": \"1234567890\"", "\"appId\": \"" + appIdJson + "\""));

        assertThat(response.getInt("statusCode")).isEqualTo(400);
        assertThat(new JsonPath(response.getString("body")).getString("field")).isEqualTo("appId");
    }

    @Test
    void an_app_id_of_ten_thousand_characters_is_a_400() {
        JsonPath response = invoke(Events.load("review-insights", "impact-error-since")
                .replace("\"appId\": \"1234567890\"", "\"appId\": \"" + "1".repeat(10_000) + "\""));

        assertThat(response.getInt("statusCode")).isEqualTo(400);
    }

    @Test
    void a_garbage_topic_is_a_400_naming_it() {
        JsonPath response = invoke(Events.load("review-insights", "impact-error-since")
                .replace("\"topic\": \"error\"", "\"topic\": \"../error\""));

        assertThat(response.getInt("statusCode")).isEqualTo(400);
        assertThat(new JsonPath(response.getString("body")).getString("field")).isEqualTo("topic");
    }

    @Test
    void an_app_without_counts_has_a_total_of_zero() {
        JsonPath response = invoke(Events.load("review-insights", "impact-error-since").replace("1234567890", "no-such-app"));

        assertThat(response.getInt("statusCode")).isEqualTo(200);
        assertThat(new JsonPath(response.getString("body")).getInt("totalUsers")).isZero();
    }
}
