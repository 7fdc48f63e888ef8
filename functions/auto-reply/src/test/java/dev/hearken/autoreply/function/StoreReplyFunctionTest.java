package dev.hearken.autoreply.function;

import static dev.hearken.autoreply.function.Invocations.invoke;
import static dev.hearken.autoreply.function.Invocations.ledger;
import static dev.hearken.autoreply.function.Invocations.request;
import static dev.hearken.autoreply.function.Invocations.sqsEvent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hearken.autoreply.AutoReplyResource;
import dev.hearken.autoreply.domain.ReplyChannel;
import dev.hearken.autoreply.domain.HumanPath;
import dev.hearken.testing.Events;
import dev.hearken.testing.aws.Emulator;
import dev.hearken.testing.fakes.FakeResponse;
import dev.hearken.testing.fakes.Fault;
import dev.hearken.testing.fakes.HttpFake;
import dev.hearken.testing.fakes.RecordedRequest;
import dev.hearken.testing.fakes.appstore.AppStoreConnectFake;
import dev.hearken.testing.fakes.googleplay.GooglePlayFake;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The two store channels end to end inside Quarkus: {@code events/auto-reply/sqs-store-reviews-ok.json}
 * posted to the Lambda mock event server, App Store Connect and Google Play as their contract fakes
 * (the reviews of {@code events/review-ingest/fixtures/}).
 */
@QuarkusTest
@QuarkusTestResource(value = AutoReplyResource.class, restrictToAnnotatedClass = false)
class StoreReplyFunctionTest {

    private static final String ASC_DE = "00000047-81ef-5a01-8e55-7e7200000002";
    private static final String ASC_ANSWERED = "00000047-81ef-5a01-8e55-7e7200000004";
    private static final String PLAY_RU = "gp:AOqpTOHearkenDemo0003-ru";
    private static final String PLAY_ES = "gp:AOqpTOHearkenDemo0004-es";
    private static final String PLAY_ANSWERED = "gp:AOqpTOHearkenDemo0002-edited";

    private final AppStoreConnectFake appStore = AutoReplyResource.appStore();
    private final GooglePlayFake googlePlay = AutoReplyResource.googlePlay();

    @Test
    void each_unanswered_review_gets_one_reply_in_its_language_at_its_store_however_often_it_is_delivered() {
        String event = Events.load("auto-reply", "sqs-store-reviews-ok");

        JsonPath first = invoke(event);
        JsonPath second = invoke(event);

        assertThat(first.getList("batchItemFailures")).isEmpty();
        assertThat(second.getList("batchItemFailures")).isEmpty();
        assertThat(appStoreResponses(ASC_DE)).hasSize(1);
        assertThat(appStore.responseBody(ASC_DE)).startsWith("Das Problem mit Ihrem Abo tut uns leid.")
                .endsWith(HumanPath.sentence(ReplyChannel.Kind.REVIEW, "de").orElseThrow());
        assertThat(playReplies(PLAY_RU)).hasSize(1);
        assertThat(googlePlay.replyText(GooglePlayFake.PACKAGE, PLAY_RU)).startsWith("Большое спасибо")
                .endsWith(HumanPath.sentence(ReplyChannel.Kind.REVIEW, "ru").orElseThrow()).hasSizeLessThanOrEqualTo(350);
        assertThat(playReplies(PLAY_ES)).hasSize(1);
        assertThat(googlePlay.replyText(GooglePlayFake.PACKAGE, PLAY_ES)).startsWith("Sentimos los problemas")
                .endsWith(HumanPath.sentence(ReplyChannel.Kind.REVIEW, "es").orElseThrow());
        assertThat(ledger("appstore:" + ASC_DE, "language")).isEqualTo("de");
        assertThat(ledger("googleplay:com.example.lumen/" + PLAY_RU, "templateKey")).isEqualTo("review:review_praise_thanks");
    }

    @Test
    void a_review_that_already_has_a_developer_response_is_not_answered() {
        String answeredBefore = appStore.responseBody(ASC_ANSWERED);
        String playBefore = googlePlay.replyText(GooglePlayFake.PACKAGE, PLAY_ANSWERED);

        invoke(Events.load("auto-reply", "sqs-store-reviews-ok"));

        assertThat(appStoreResponses(ASC_ANSWERED)).isEmpty();
        assertThat(appStore.responseBody(ASC_ANSWERED)).isEqualTo(answeredBefore);
        assertThat(playReplies(PLAY_ANSWERED)).isEmpty();
        assertThat(googlePlay.replyText(GooglePlayFake.PACKAGE, PLAY_ANSWERED)).isEqualTo(playBefore);
        assertThat(ledger("appstore:" + ASC_ANSWERED, "reason")).isEqualTo("already_answered");
        assertThat(ledger("googleplay:com.example.lumen/" + PLAY_ANSWERED, "reason")).isEqualTo("already_answered");
    }

    @Test
    void a_429_from_app_store_connect_waits_as_a_delayed_copy_answered_after_retry_after() throws Exception {
        String reviewId = "00000047-81ef-5a01-8e55-7e7200000429";
        appStore.addNewest(AppStoreConnectFake.APP_ID, Map.of("type", "customerReviews", "id", reviewId,
                "attributes", Map.of("rating", 1, "title", "Crash", "body", "Crashes on start", "reviewerNickname", "kai",
                        "createdDate", "2026-03-02T11:10:00-08:00", "territory", "USA")));
        appStore.inject(Fault.rateLimited("/v1/customerReviewResponses", 1, 1));

        retriedAfterRetryAfter(request("appstore", reviewId, "en", "en-US", "review_bug_apology"));

        assertThat(appStoreResponses(reviewId)).hasSize(1);
        assertThat(appStore.responseBody(reviewId)).endsWith(HumanPath.sentence(ReplyChannel.Kind.REVIEW, "en").orElseThrow());
    }

    @Test
    void a_429_from_google_play_waits_as_a_delayed_copy_answered_after_retry_after() throws Exception {
        String reviewId = "gp:AOqpTOHearkenDemo0429";
        googlePlay.addNewest(GooglePlayFake.PACKAGE, Map.of("reviewId", reviewId, "authorName", "Mina",
                "comments", List.of(Map.of("userComment", Map.of("text", "Love it", "starRating", 5,
                        "reviewerLanguage", "de", "lastModified", Map.of("seconds", "1772449800", "nanos", 0))))));
        // Google's quota answer (googleplay.md §3); the review id's ':' may arrive percent-encoded.
        googlePlay.inject(new Fault(r -> URLDecoder.decode(r.path(), StandardCharsets.UTF_8).endsWith(reviewId + ":reply"),
                1, Duration.ZERO, FakeResponse.json(429, "{\"error\":{\"code\":429,\"message\":\"Quota exceeded\","
                        + "\"status\":\"RESOURCE_EXHAUSTED\"}}").withHeader("retry-after", "1")));

        retriedAfterRetryAfter(request("googleplay", GooglePlayFake.PACKAGE + "/" + reviewId, "de", null,
                "review_praise_thanks"));

        assertThat(playReplies(reviewId)).hasSize(1);
        assertThat(googlePlay.replyText(GooglePlayFake.PACKAGE, reviewId)).startsWith("Vielen Dank");
    }

    /**
     * Sends {@code body} through the real queue: 429 → the record succeeds (Lambda deletes it) and a delayed copy is
     * back after the 1 s Retry-After, not after 120 s; the copy is answered.
     */
    private static void retriedAfterRetryAfter(String body) throws InterruptedException {
        String queue = AutoReplyResource.queueUrl();
        Emulator.shared().sqs().sendMessage(b -> b.queueUrl(queue).messageBody(body));
        Message received = receive(queue, body, 120);

        JsonPath response = invoke(sqsEvent(received.messageId(), received.receiptHandle(), body));

        assertThat(response.getList("batchItemFailures")).as("waiting is not failing").isEmpty();
        Emulator.shared().sqs().deleteMessage(b -> b.queueUrl(queue).receiptHandle(received.receiptHandle()));
        Message again = receive(queue, body, 30); // long-polls: the copy shows after the 1 s Retry-After
        assertThat(again.messageId()).isNotEqualTo(received.messageId());
        Emulator.shared().sqs().deleteMessage(b -> b.queueUrl(queue).receiptHandle(again.receiptHandle()));
        assertThat(invoke(sqsEvent(again.messageId(), again.receiptHandle(), body)).getList("batchItemFailures")).isEmpty();
    }

    /** The message with this body, received with {@code visibility} seconds (others are released at once). */
    private static Message receive(String queue, String body, int visibility) {
        for (int attempt = 0; attempt < 5; attempt++) {
            for (Message m : Emulator.shared().sqs().receiveMessage(b -> b.queueUrl(queue).visibilityTimeout(visibility)
                    .waitTimeSeconds(2).maxNumberOfMessages(10)).messages()) {
                if (m.body().equals(body)) {
                    return m;
                }
                Emulator.shared().sqs().changeMessageVisibility(b -> b.queueUrl(queue).receiptHandle(m.receiptHandle())
                        .visibilityTimeout(0));
            }
        }
        throw new AssertionError("message not received: " + body);
    }

    private List<RecordedRequest> appStoreResponses(String reviewId) {
        return accepted(appStore, r -> "POST".equals(r.method()) && "/v1/customerReviewResponses".equals(r.path())
                && r.body() != null && r.body().contains("\"" + reviewId + "\""));
    }

    private List<RecordedRequest> playReplies(String reviewId) {
        return accepted(googlePlay, r -> "POST".equals(r.method())
                && URLDecoder.decode(r.path(), StandardCharsets.UTF_8).endsWith("/reviews/" + reviewId + ":reply"));
    }

    private static List<RecordedRequest> accepted(HttpFake fake, java.util.function.Predicate<RecordedRequest> which) {
        return fake.recorded().stream().filter(which).filter(r -> r.status() >= 200 && r.status() < 300).toList();
    }
}
