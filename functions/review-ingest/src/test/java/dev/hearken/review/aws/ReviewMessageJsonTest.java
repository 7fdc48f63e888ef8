package dev.hearken.review.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearken.review.ingest.ReviewMessage;
import dev.hearken.review.model.AuthorPseudonymizer;
import dev.hearken.review.model.Review;
import dev.hearken.review.parse.InvalidReviewException;
import dev.hearken.review.parse.ProviderReview;
import dev.hearken.review.parse.ReviewParsers;
import dev.hearken.testing.Events;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The reviews queue body: messages enqueued before the typed records (the provider's whole object) are read, and a
 * message written now reads back to the same review.
 */
class ReviewMessageJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant RECEIVED = Instant.parse("2026-03-02T09:05:12Z");
    private final ReviewMessageJson messages = new ReviewMessageJson(JSON);
    private final ReviewParsers parsers = new ReviewParsers(
            new AuthorPseudonymizer("test-only-pseudonym-key-0123456789".getBytes(StandardCharsets.UTF_8)),
            (store, name) -> Optional.of("1234567890"));

    @Test
    void a_message_with_the_providers_whole_object_reads_and_rewritten_reads_back_to_the_same_review() throws Exception {
        List<String> oldBodies = new ArrayList<>();
        for (String page : List.of("appstore-customer-reviews-page1", "appstore-customer-reviews-page2")) {
            for (JsonNode review : fixture(page).path("data")) {
                oldBodies.add(body("appstore", "1234567890", review));
            }
        }
        for (String page : List.of("googleplay-reviews-page1", "googleplay-reviews-page2")) {
            for (JsonNode review : fixture(page).path("reviews")) {
                oldBodies.add(body("googleplay", "com.example.lumen", review));
            }
        }
        oldBodies.add(body("appfollow", null, JSON.readTree(webhookBody("appfollow-webhook-review"))));
        oldBodies.add(body("appfollow", null, JSON.readTree(STRUCTURED)));

        for (String old : oldBodies) {
            ReviewMessage read = messages.read(old);
            String written = messages.write(read);
            ReviewMessage reread = messages.read(written);

            assertThat(reread).as(old).isEqualTo(read);
            assertThat(parse(reread)).as(old).isEqualTo(parse(read));
            assertThat(JSON.readTree(written).path("source").asText()).isEqualTo(JSON.readTree(old).path("source").asText());
        }
    }

    @Test
    void the_events_samples_of_the_reviews_queue_read_as_typed_reviews() throws Exception {
        for (String sample : List.of("sqs-batch-ok", "sqs-privacy-review")) {
            for (JsonNode record : JSON.readTree(Events.load("review-ingest", sample))
                    .path("Records")) {
                assertThat(messages.read(record.path("body").asText()).review()).as(sample).isNotNull();
            }
        }
    }

    @Test
    void an_appfollow_review_keeps_appfollows_snake_case_names_on_the_queue() throws Exception {
        ReviewMessage read = messages.read(body("appfollow", null, JSON.readTree(STRUCTURED)));

        JsonNode written = JSON.readTree(messages.write(read));

        assertThat(read.review()).isInstanceOfSatisfying(ProviderReview.AppFollow.class,
                f -> assertThat(f.payload().review().reviewId()).isEqualTo("11223344556"));
        assertThat(written.path("review").path("review").path("review_id").asText()).isEqualTo("11223344556");
        assertThat(written.path("review").path("review").path("was_changed").asInt()).isEqualTo(1);
    }

    @Test
    void an_unknown_source_or_a_missing_review_is_invalid_and_a_review_of_the_wrong_shape_is_not_json_of_it() {
        assertThatThrownBy(() -> messages.read("{\"source\":\"itunes\",\"appId\":\"1\",\"review\":{}}"))
                .isInstanceOf(InvalidReviewException.class).hasMessageContaining("unknown review source");
        assertThatThrownBy(() -> messages.read("{\"source\":\"appstore\",\"appId\":\"1\"}"))
                .isInstanceOf(InvalidReviewException.class).hasMessageContaining("no review object");
        assertThatThrownBy(() -> messages.read("{\"source\":\"appstore\",\"appId\":\"1\",\"review\":\"x\"}"))
                .isInstanceOf(JsonProcessingException.class);
    }

    private static final String STRUCTURED = """
            {"app":{"ext_id":"1234567890","store":"as","title":"Acme"},
             "review":{"review_id":11223344556,"ext_id":1234567890,"store":"as","date":"2025-01-08",
             "time":"09:41:17","created":"2025-01-08 09:45:02","updated":"2025-01-09 10:00:00",
             "author":"PixelPat","user_id":987654321,"title":"Crashes on launch","content":"It crashes.",
             "rating":2,"rating_prev":4,"country":"US","locale":"en","version":"5.2.0","has_answer":0,
             "was_changed":1}}""";

    private Review parse(ReviewMessage message) {
        return parsers.parse(message.appId(), message.review(), RECEIVED);
    }

    private static String body(String source, String appId, JsonNode review) {
        ObjectNode body = JSON.createObjectNode().put("source", source);
        if (appId != null) {
            body.put("appId", appId);
        }
        body.set("review", review);
        return body.toString();
    }

    private static JsonNode fixture(String name) throws Exception {
        return JSON.readTree(Events.load("review-ingest", "fixtures/" + name));
    }

    private static String webhookBody(String name) throws Exception {
        return JSON.readTree(Events.load("review-webhook", name)).path("body").asText();
    }
}
