package dev.hearken.review.function;

import dev.hearken.review.ReviewMessages;
import static dev.hearken.review.function.ReviewTables.REVIEW_QUEUE;
import static dev.hearken.review.function.ReviewTables.drain;
import static dev.hearken.review.function.ReviewTables.invoke;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hearken.testing.Events;
import dev.hearken.testing.aws.Emulator;
import dev.hearken.testing.fakes.FakeResponse;
import dev.hearken.testing.fakes.Fault;
import dev.hearken.testing.fakes.RecordedRequest;
import dev.hearken.testing.fakes.appstore.AppStoreConnectFake;
import dev.hearken.testing.fakes.googleplay.GooglePlayFake;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import dev.hearken.review.ingest.ReviewIngestService;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The scheduled pull: the schedule event of {@code events/review-poller/} posted to the poll export, the App Store
 * Connect and Google Play fakes serving the fixtures, cursors and the reviews queue in the emulator.
 */
@QuarkusTest
@TestProfile(Exports.Poll.class)
@QuarkusTestResource(value = StoreFakesResource.class, restrictToAnnotatedClass = true)
class PollFunctionTest {

    private static final String CURSORS = "hearken-review-cursors";

    @Inject
    ReviewIngestService ingest;

    @BeforeEach
    void freshStoresAndCursors() {
        StoreFakesResource.appStore.reseed();
        StoreFakesResource.appStore.reset();
        StoreFakesResource.googlePlay.reseed();
        StoreFakesResource.googlePlay.reset();
        for (String key : List.of("appstore#" + AppStoreConnectFake.APP_ID, "googleplay#" + GooglePlayFake.PACKAGE)) {
            Emulator.shared().dynamo().deleteItem(b -> b.tableName(CURSORS).key(Map.of("cursorKey", AttributeValue.fromS(key))));
        }
        drain(REVIEW_QUEUE);
    }

    @Test
    void the_first_run_pages_through_both_stores_enqueues_every_review_once_and_stores_the_cursors() {
        JsonPath summary = invoke(Events.load("review-poller", "schedule-poll"));

        assertThat(summary.getInt("enqueued")).isEqualTo(10);
        List<String> queued = drain(REVIEW_QUEUE);
        assertThat(queued).hasSize(10);
        assertThat(queued).filteredOn(m -> m.contains("\"source\":\"appstore\"")).hasSize(5)
                .allSatisfy(m -> assertThat(m).contains("\"appId\":\"1234567890\""));
        assertThat(queued).filteredOn(m -> m.contains("\"source\":\"googleplay\"")).hasSize(5);
        assertThat(StoreFakesResource.appStore.recorded()).hasSize(2)
                .allSatisfy(r -> assertThat(r.header("authorization")).startsWith("Bearer ey"))
                .allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
        assertThat(StoreFakesResource.appStore.recorded().get(1).query()).contains("cursor=");
        assertThat(StoreFakesResource.googlePlay.recorded()).filteredOn(r -> r.path().endsWith("/reviews")).hasSize(2)
                .allSatisfy(r -> assertThat(r.header("authorization")).startsWith("Bearer ya29.hearken-fake-"));
        // One access token for the whole test class: the poller caches it until shortly before it expires.
        assertThat(StoreFakesResource.googlePlay.tokensIssued()).isEqualTo(1);
        assertThat(cursor("appstore#1234567890").get("newestId").s()).isEqualTo("00000047-81ef-5a01-8e55-7e7200000005");
        assertThat(cursor("googleplay#com.example.lumen").get("newestId").s()).isEqualTo("gp:AOqpTOHearkenDemo0001-crash");
    }

    @Test
    void the_next_run_stops_at_the_cursor_and_enqueues_only_what_is_new() {
        // given: a completed first run, then one new App Store review and one edited Play review
        invoke(Events.load("review-poller", "schedule-poll"));
        drain(REVIEW_QUEUE);
        StoreFakesResource.appStore.addNewest(AppStoreConnectFake.APP_ID, Map.of("type", "customerReviews",
                "id", "00000047-81ef-5a01-8e55-7e7200000006",
                "attributes", Map.of("rating", 2, "title", "Export broken", "body", "PDF export crashes the app.",
                        "reviewerNickname", "newbie", "createdDate", "2026-03-02T05:00:00-08:00", "territory", "GBR")));
        StoreFakesResource.googlePlay.addNewest(GooglePlayFake.PACKAGE, Map.of("reviewId", "gp:AOqpTOHearkenDemo0003-ru",
                "authorName", "Дмитрий Иванов", "comments", List.of(Map.of("userComment", Map.of(
                        "text", "Виджет появился, спасибо!", "lastModified", Map.of("seconds", "1772449000", "nanos", 0),
                        "starRating", 5)))));
        StoreFakesResource.appStore.reset();

        // when
        JsonPath summary = invoke(Events.load("review-poller", "schedule-poll"));

        // then: one page per store, and exactly the two changes
        assertThat(summary.getInt("enqueued")).isEqualTo(2);
        assertThat(drain(REVIEW_QUEUE)).hasSize(2)
                .anySatisfy(m -> assertThat(m).contains("7e7200000006"))
                .anySatisfy(m -> assertThat(m).contains("gp:AOqpTOHearkenDemo0003-ru"));
        assertThat(StoreFakesResource.appStore.recorded()).hasSize(1);
    }

    @Test
    void a_429_in_the_middle_of_a_sweep_stops_the_run_and_the_next_run_resumes_on_the_same_page() {
        // given: App Store answers the second page with 429 once
        StoreFakesResource.appStore.inject(new Fault(r -> r.query() != null && r.query().contains("cursor="), 1,
                Duration.ZERO, FakeResponse.json(429, "{\"errors\":[{\"status\":\"429\",\"code\":\"RATE_LIMIT_EXCEEDED\","
                        + "\"title\":\"The request rate limit has been reached.\"}]}").withHeader("retry-after", "0")));

        // when
        JsonPath first = invoke(Events.load("review-poller", "schedule-poll"));
        List<String> firstQueued = drain(REVIEW_QUEUE);
        Map<String, AttributeValue> interrupted = cursor("appstore#1234567890");
        JsonPath second = invoke(Events.load("review-poller", "schedule-poll"));
        List<String> secondQueued = drain(REVIEW_QUEUE);

        // then
        assertThat(first.getString("apps.find { it.store == 'appstore' }.stop")).isEqualTo("RATE_LIMITED");
        assertThat(firstQueued).filteredOn(m -> m.contains("\"appstore\"")).hasSize(3);
        assertThat(interrupted).doesNotContainKey("newestId").containsKeys("resume", "sweepTopId");
        assertThat(second.getString("apps.find { it.store == 'appstore' }.stop")).isEqualTo("CAUGHT_UP");
        assertThat(secondQueued).filteredOn(m -> m.contains("\"appstore\"")).hasSize(2);
        List<RecordedRequest> calls = StoreFakesResource.appStore.recorded();
        assertThat(calls).extracting(RecordedRequest::status).containsExactly(200, 429, 200);
        assertThat(calls.get(2).query()).isEqualTo(calls.get(1).query()); // resumed, not restarted
        assertThat(cursor("appstore#1234567890").get("newestId").s()).isEqualTo("00000047-81ef-5a01-8e55-7e7200000005");
    }

    @Test
    void a_store_failure_is_reported_for_that_app_and_the_other_store_is_still_polled() {
        StoreFakesResource.googlePlay.inject(Fault.status("/reviews", 1, 503,
                "{\"error\":{\"code\":503,\"message\":\"Backend Error\",\"status\":\"UNAVAILABLE\"}}"));

        JsonPath summary = invoke(Events.load("review-poller", "schedule-poll"));

        assertThat(summary.getString("apps.find { it.store == 'googleplay' }.stop")).isEqualTo("FAILED");
        assertThat(summary.getString("apps.find { it.store == 'appstore' }.stop")).isEqualTo("CAUGHT_UP");
        assertThat(cursor("googleplay#com.example.lumen")).isEmpty();
    }

    @Test
    void a_scheduled_pull_ends_in_stored_analysed_reviews_impact_counts_and_reply_candidates() {
        // given: the scheduled pull through both fakes
        invoke(Events.load("review-poller", "schedule-poll"));
        List<String> queued = drain(REVIEW_QUEUE);
        drain(ReviewTables.AUTO_REPLY);

        // when: the worker's service takes every queued message (the ingest export is another Lambda function;
        // this application has the same beans)
        for (String m : queued) {
            ingest.ingest(ReviewMessages.read(m));
        }

        // then
        assertThat(ReviewTables.versions("googleplay#com.example.lumen#gp:AOqpTOHearkenDemo0001-crash")).singleElement()
                .satisfies(v -> {
                    assertThat(v.get("state").s()).isEqualTo("done");
                    assertThat(v.get("intent").s()).isEqualTo("bug");
                    assertThat(v.get("appVersion").s()).isEqualTo("5.2.0");
                });
        assertThat(ReviewTables.versions("appstore#1234567890#00000047-81ef-5a01-8e55-7e7200000002")).singleElement()
                .satisfies(v -> assertThat(v.get("territory").s()).isEqualTo("DEU"));
        assertThat(ReviewTables.users("com.example.lumen", "error", "5.2.0", "2026-03-02")).isGreaterThanOrEqualTo(1);
        List<String> replies = drain(ReviewTables.AUTO_REPLY);
        // the 1-star crash (Play), never the answered, edited Play review
        assertThat(replies).anySatisfy(r -> assertThat(r).contains("\"googleplay:com.example.lumen/gp:AOqpTOHearkenDemo0001-crash\""));
        assertThat(replies).noneSatisfy(r -> assertThat(r).contains("Demo0002-edited"));
    }

    private static Map<String, AttributeValue> cursor(String key) {
        var item = Emulator.shared().dynamo().getItem(b -> b.tableName(CURSORS).consistentRead(true)
                .key(Map.of("cursorKey", AttributeValue.fromS(key)))).item();
        return item == null ? Map.of() : item;
    }
}
