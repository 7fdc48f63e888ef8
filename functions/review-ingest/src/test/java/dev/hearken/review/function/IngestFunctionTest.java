package dev.hearken.review.function;

import static dev.hearken.review.function.ReviewTables.AUTO_REPLY;
import static dev.hearken.review.function.ReviewTables.ESCALATIONS;
import static dev.hearken.review.function.ReviewTables.IMPACT;
import static dev.hearken.review.function.ReviewTables.REVIEWS;
import static dev.hearken.review.function.ReviewTables.drain;
import static dev.hearken.review.function.ReviewTables.escalations;
import static dev.hearken.review.function.ReviewTables.failures;
import static dev.hearken.review.function.ReviewTables.invoke;
import static dev.hearken.review.function.ReviewTables.scan;
import static dev.hearken.review.function.ReviewTables.sqsEvent;
import static dev.hearken.review.function.ReviewTables.users;
import static dev.hearken.review.function.ReviewTables.versions;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.aws.config.TableNames;
import dev.hearken.testing.Events;
import dev.hearken.testing.aws.TemplateProvisioner;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The review-ingest worker inside Quarkus: SQS events from {@code events/review-ingest/} (and variants of them)
 * posted to the Lambda mock event server; DynamoDB and SQS in the emulator; the real understanding models.
 */
@QuarkusTest
@QuarkusTestResource(value = ReviewEmulatorResource.class, restrictToAnnotatedClass = false)
class IngestFunctionTest {

    private static final String CRASH_KEY = "appstore#1234567890#00000047-81ef-5a01-8e55-7e7200000005";
    private static final String PRIVACY_KEY = "appstore#1234567890#00000047-81ef-5a01-8e55-7e72000000f1";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TableNames tables;

    @Test
    void every_table_the_function_is_configured_with_is_declared_in_the_cdk_template() {
        assertThat(TemplateProvisioner.fromClasspath().tableNames())
                .contains(tables.reviews(), tables.reviewImpact(), tables.reviewApps(), tables.reviewCursors());
    }

    @Test
    void a_batch_of_one_review_per_source_is_stored_analysed_and_counted() {
        JsonPath response = invoke(Events.load("review-ingest", "sqs-batch-ok"));

        assertThat(failures(response)).isEmpty();
        Map<String, AttributeValue> crash = versions(CRASH_KEY).get(0);
        assertThat(crash.get("state").s()).isEqualTo("done");
        assertThat(crash.get("intent").s()).isEqualTo("bug");
        assertThat(crash.get("language").s()).isEqualTo("en");
        assertThat(crash.get("topics").l()).extracting(AttributeValue::s).contains("error");
        assertThat(crash.get("author").s()).isNotBlank().doesNotContain("PixelPat");
        assertThat(crash).doesNotContainKey("reviewerNickname");
        assertThat(users("1234567890", "error", "unknown", "2026-03-02")).isGreaterThanOrEqualTo(1);
        assertThat(versions("googleplay#com.example.lumen#gp:AOqpTOHearkenDemo0002-edited")).hasSize(1);
        assertThat(versions("appstore#1234567890#af-af-review-0001")).singleElement()
                .satisfies(v -> assertThat(v.get("source").s()).isEqualTo("appfollow"));
    }

    @Test
    void a_batch_with_one_truncated_message_reports_exactly_that_message_and_processes_the_others() {
        JsonPath response = invoke(Events.load("review-ingest", "sqs-batch-one-bad"));

        assertThat(failures(response)).containsExactly("msg-review-bad-1");
        assertThat(versions(CRASH_KEY)).isNotEmpty();
    }

    @Test
    void unknown_apps_sources_and_partial_reviews_fail_only_their_own_record() {
        String ok = message("googleplay", "com.example.bad-input", review("gp:bad-input-ok", 4, "Nice\tWorks well.", "5.2.0", 1772438311L));
        String event = sqsEvent("bad-input", ok,
                "{\"source\":\"appfollow\",\"appId\":null,\"review\":{\"text\":\"Unknown App\\nApp Store, X\\n★ Germany\\n*t*\\nb\\n_by_ *a* _for v1_\"}}",
                "{\"source\":\"itunes\",\"appId\":\"1\",\"review\":{}}",
                "{\"source\":\"googleplay\",\"appId\":\"com.example.bad-input\",\"review\":{\"reviewId\":\"gp:x\",\"comments\":[]}}",
                "");

        JsonPath response = invoke(event);

        assertThat(failures(response)).containsExactlyInAnyOrder("bad-input-2", "bad-input-3", "bad-input-4", "bad-input-5");
        assertThat(versions("googleplay#com.example.bad-input#gp:bad-input-ok")).hasSize(1);
    }

    @Test
    void a_redelivered_batch_changes_nothing() {
        // given: the sample batch with ids of its own, delivered once
        String event = Events.load("review-ingest", "sqs-batch-ok")
                .replace("7e7200000005", "7e72000000d5")
                .replace("gp:AOqpTOHearkenDemo0002-edited", "gp:AOqpTOHearkenDemo0002-dup")
                .replace("af-review-0001", "af-review-dup1");
        assertThat(failures(invoke(event))).isEmpty();
        drain(AUTO_REPLY);
        List<Map<String, AttributeValue>> reviews = scan(REVIEWS);
        List<Map<String, AttributeValue>> impact = scan(IMPACT);

        // when
        JsonPath again = invoke(event);

        // then
        assertThat(failures(again)).isEmpty();
        assertThat(scan(REVIEWS)).containsExactlyInAnyOrderElementsOf(reviews);
        assertThat(scan(IMPACT)).containsExactlyInAnyOrderElementsOf(impact);
        assertThat(drain(AUTO_REPLY)).isEmpty();
    }

    @Test
    void an_edited_review_becomes_a_new_version_keeping_the_old_rating_and_counts_its_reviewer_once() {
        // given: a 2-star crash report, then the same reviewer edits it to 1 star the same day
        String app = "com.example.edits";
        String first = message("googleplay", app, review("gp:edit-1", 2,
                "Keeps crashing\tThe app crashes on startup since the 5.2.0 update.", "5.2.0", 1772438311L));
        String edited = message("googleplay", app, review("gp:edit-1", 1,
                "Keeps crashing\tStill crashing on 5.2.0 after the update, it crashes on startup every single time.",
                "5.2.0", 1772441911L));
        drain(AUTO_REPLY);

        // when
        assertThat(failures(invoke(sqsEvent("edit-a", first)))).isEmpty();
        assertThat(failures(invoke(sqsEvent("edit-b", edited)))).isEmpty();

        // then
        List<Map<String, AttributeValue>> versions = versions("googleplay#" + app + "#gp:edit-1");
        assertThat(versions).extracting(v -> v.get("rating").n()).containsExactly("2", "1");
        assertThat(users(app, "error", "5.2.0", "2026-03-02")).isEqualTo(1);
        List<String> replies = drain(AUTO_REPLY);
        assertThat(replies).hasSize(1);
        assertThat(replies.get(0)).contains("\"requestId\":\"googleplay:" + app + "/gp:edit-1\"")
                .contains("\"intent\":\"review_bug_apology\"");
    }

    @Test
    void two_reviewers_of_the_same_bug_count_as_two_users() {
        String app = "com.example.two-users";
        String a = message("googleplay", app, review("gp:two-1", 1, "Crash\tThe app crashes on startup since the update.", "5.3.0", 1772438311L));
        String b = message("googleplay", app, review("gp:two-2", 1, "Crash\tIt crashes every time I open it.", "5.3.0", 1772438400L)
                .replace("\"Tester\"", "\"Another tester\""));

        assertThat(failures(invoke(sqsEvent("two", a, b)))).isEmpty();

        assertThat(users(app, "error", "5.3.0", "2026-03-02")).isEqualTo(2);
    }

    @Test
    void a_review_the_developer_already_answered_is_never_offered_for_an_automatic_reply() {
        String app = "com.example.answered";
        String answered = message("googleplay", app, review("gp:answered-1", 1, "Crash\tThe app crashes on startup.", "5.2.0", 1772438311L)
                .replace("]}", ",{\"developerComment\":{\"text\":\"Sorry!\",\"lastModified\":{\"seconds\":\"1772439000\",\"nanos\":0}}}]}"));
        drain(AUTO_REPLY);

        assertThat(failures(invoke(sqsEvent("answered", answered)))).isEmpty();

        assertThat(versions("googleplay#" + app + "#gp:answered-1")).singleElement()
                .satisfies(v -> assertThat(v.get("developerReplied").bool()).isTrue());
        assertThat(drain(AUTO_REPLY)).isEmpty();
    }

    @Test
    void the_privacy_review_sample_is_escalated_once_counted_and_never_offered_for_a_reply() throws Exception {
        drain(ESCALATIONS);
        drain(AUTO_REPLY);

        JsonPath response = invoke(Events.load("review-ingest", "sqs-privacy-review"));

        assertThat(failures(response)).isEmpty();
        List<String> sent = drain(ESCALATIONS);
        assertThat(sent).hasSize(1);
        JsonNode e = JSON.readTree(sent.get(0));
        assertThat(e.path("escalationId").asText()).isEqualTo("review:appstore:00000047-81ef-5a01-8e55-7e72000000f1");
        assertThat(e.path("flags")).extracting(JsonNode::asText).containsExactly("privacy");
        assertThat(e.path("store").asText()).isEqualTo("appstore");
        assertThat(e.path("appId").asText()).isEqualTo("1234567890");
        assertThat(e.path("rating").asInt()).isEqualTo(1);
        assertThat(e.path("body").asText()).startsWith("Delete my account and all my personal data, GDPR request");
        assertThat(e.path("author").asText()).isNotBlank().doesNotContain("QuietFern");
        assertThat(e.path("reviewUrl").asText()).isEqualTo(
                "https://appstoreconnect.apple.com/apps/1234567890/distribution/activity/ios/ratingsResultsAll");
        assertThat(drain(AUTO_REPLY)).isEmpty();
        assertThat(escalations("1234567890", "2026-03-02").get("escalations").n()).isEqualTo("1");
        assertThat(escalations("1234567890", "2026-03-02").get("privacy").n()).isEqualTo("1");
        assertThat(versions(PRIVACY_KEY)).singleElement().satisfies(v -> {
            assertThat(v.get("priority").bool()).isTrue();
            assertThat(v.get("flags").l()).extracting(AttributeValue::s).contains("privacy");
        });

        // redelivered: nothing more is sent or counted
        assertThat(failures(invoke(Events.load("review-ingest", "sqs-privacy-review")))).isEmpty();
        assertThat(drain(ESCALATIONS)).isEmpty();
        assertThat(escalations("1234567890", "2026-03-02").get("escalations").n()).isEqualTo("1");
    }

    @Test
    void a_normal_review_is_not_escalated() {
        drain(ESCALATIONS);
        String normal = message("googleplay", "com.example.normal", review("gp:normal-1", 1,
                "Crash\tThe app crashes on startup since the update.", "5.2.0", 1772438311L));

        assertThat(failures(invoke(sqsEvent("normal", normal)))).isEmpty();

        assertThat(drain(ESCALATIONS)).isEmpty();
        assertThat(escalations("com.example.normal", "2026-03-02")).isEmpty();
    }

    static String message(String source, String appId, String review) {
        return "{\"source\":\"" + source + "\",\"appId\":\"" + appId + "\",\"review\":" + review + "}";
    }

    /** A Play review object with a user comment only. */
    static String review(String id, int stars, String text, String version, long seconds) {
        return "{\"reviewId\":\"" + id + "\",\"authorName\":\"Tester\",\"comments\":[{\"userComment\":{\"text\":\""
                + text.replace("\t", "\\t") + "\",\"lastModified\":{\"seconds\":\"" + seconds + "\",\"nanos\":0},"
                + "\"starRating\":" + stars + ",\"reviewerLanguage\":\"en\",\"appVersionName\":\"" + version + "\"}}]}";
    }
}
