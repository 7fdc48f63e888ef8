package dev.hearken.review.parse;

import static dev.hearken.review.parse.Fixtures.AUTHORS;
import static dev.hearken.review.parse.Fixtures.fixture;
import static dev.hearken.review.parse.Fixtures.json;
import static dev.hearken.review.parse.Fixtures.list;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hearken.review.ReviewMessages;
import dev.hearken.review.ingest.ReviewMessage;
import dev.hearken.review.model.Review;
import dev.hearken.review.model.ReviewSource;
import dev.hearken.review.model.Store;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReviewParsersTest {

    private static final Instant RECEIVED = Instant.parse("2026-03-02T09:05:12Z");
    private final ReviewParsers parsers = new ReviewParsers(AUTHORS,
            (store, name) -> name.equals("Lumen - Photo Journal")
                    ? Optional.of(store == Store.APP_STORE ? "1234567890" : "com.example.lumen") : Optional.empty());

    @Test
    void an_app_store_review_is_normalised_with_its_territory_time_and_a_pseudonymous_author() {
        Map<String, Object> first = list(fixture("appstore-customer-reviews-page1"), "data").get(0);

        Review r = parse("appstore", "1234567890", first, RECEIVED);

        assertThat(r.store()).isEqualTo(Store.APP_STORE);
        assertThat(r.key()).isEqualTo("appstore#1234567890#00000047-81ef-5a01-8e55-7e7200000005");
        assertThat(r.rating()).isEqualTo(1);
        assertThat(r.title()).isEqualTo("Crashes every time I open the camera");
        assertThat(r.body()).startsWith("Since updating to 5.2.0");
        assertThat(r.territory()).isEqualTo("USA");
        assertThat(r.createdAt()).isEqualTo(Instant.parse("2026-03-02T08:41:17Z"));
        assertThat(r.day()).isEqualTo(LocalDate.parse("2026-03-02"));
        assertThat(r.developerReplied()).isFalse();
        assertThat(r.author()).isNotBlank().doesNotContain("PixelPat42");
        assertThat(r.author()).isEqualTo(AUTHORS.pseudonym(Store.APP_STORE, "PixelPat42"));
        assertThat(r.toString()).doesNotContain("Crashes").doesNotContain("PixelPat42");
    }

    @Test
    void an_app_store_review_with_a_published_response_is_marked_as_answered() {
        Map<String, Object> edited = list(fixture("appstore-customer-reviews-page1"), "data").get(1);

        Review r = parse("appstore", "1234567890", edited, RECEIVED);

        assertThat(r.developerReplied()).isTrue();
        assertThat(r.territory()).isEqualTo("BRA");
    }

    @Test
    void every_review_of_every_store_fixture_page_normalises() {
        int n = 0;
        for (String page : List.of("appstore-customer-reviews-page1", "appstore-customer-reviews-page2")) {
            for (Map<String, Object> review : list(fixture(page), "data")) {
                assertThat(parse("appstore", "1234567890", review, RECEIVED).rating()).isBetween(1, 5);
                n++;
            }
        }
        for (String page : List.of("googleplay-reviews-page1", "googleplay-reviews-page2")) {
            for (Map<String, Object> review : list(fixture(page), "reviews")) {
                assertThat(parse("googleplay", "com.example.lumen", review, RECEIVED).rating()).isBetween(1, 5);
                n++;
            }
        }
        assertThat(n).isEqualTo(10);
    }

    @Test
    void a_play_review_splits_title_and_body_at_the_tab_and_keeps_version_device_and_language() {
        Map<String, Object> crash = list(fixture("googleplay-reviews-page1"), "reviews").get(0);

        Review r = parse("googleplay", "com.example.lumen", crash, RECEIVED);

        assertThat(r.title()).isEqualTo("Keeps crashing");
        assertThat(r.body()).startsWith("The app crashes on startup");
        assertThat(r.appVersion()).isEqualTo("5.2.0");
        assertThat(r.device()).isEqualTo("a52sxq (Galaxy A52s 5G)");
        assertThat(r.language()).isEqualTo("en");
        assertThat(r.createdAt()).isEqualTo(Instant.ofEpochSecond(1772438311L, 796000000));
        assertThat(r.editedAt()).isNull();
        assertThat(r.author()).isEqualTo(AUTHORS.pseudonym(Store.GOOGLE_PLAY, "Ravi Kumar"));
    }

    @Test
    void a_play_review_newer_than_the_developer_reply_is_an_edit() {
        Map<String, Object> edited = list(fixture("googleplay-reviews-page1"), "reviews").get(1);

        Review r = parse("googleplay", "com.example.lumen", edited, RECEIVED);

        assertThat(r.developerReplied()).isTrue();
        assertThat(r.editedAt()).isEqualTo(Instant.ofEpochSecond(1772389325L, 120000000));
        assertThat(r.language()).isEqualTo("pt-BR");
        assertThat(r.title()).isNull();
    }

    @Test
    void a_play_review_without_any_optional_field_still_normalises() {
        Map<String, Object> minimal = list(fixture("googleplay-reviews-page2"), "reviews").get(1);

        Review r = parse("googleplay", "com.example.lumen", minimal, RECEIVED);

        assertThat(r.rating()).isEqualTo(5);
        assertThat(r.body()).isEqualTo("Love it!");
        assertThat(r.appVersion()).isNull();
        assertThat(r.device()).isNull();
        assertThat(r.language()).isNull();
    }

    @Test
    void an_appfollow_text_message_yields_app_store_rating_country_title_author_version_and_permalink_id() {
        Map<String, Object> body = json((String) Fixtures.event("appfollow-webhook-review").get("body"));

        Review r = parse("appfollow", null, body, RECEIVED);

        assertThat(r.store()).isEqualTo(Store.APP_STORE);
        assertThat(r.source()).isEqualTo(ReviewSource.APPFOLLOW);
        assertThat(r.appId()).isEqualTo("1234567890");
        assertThat(r.reviewId()).isEqualTo("af-af-review-0001");
        assertThat(r.rating()).isEqualTo(5);
        assertThat(r.territory()).isEqualTo("US");
        assertThat(r.title()).isEqualTo("Finally a journal I keep using");
        assertThat(r.body()).startsWith("Love the daily photo prompts").endsWith("as a PDF.");
        assertThat(r.appVersion()).isEqualTo("5.2");
        assertThat(r.author()).isEqualTo(AUTHORS.pseudonym(Store.APP_STORE, "Ana Souza"));
        assertThat(r.createdAt()).isEqualTo(RECEIVED);
    }

    @Test
    void the_appfollow_test_ping_is_recognised_and_is_not_a_review() {
        Map<String, Object> ping = json((String) Fixtures.event("appfollow-webhook-test-ping").get("body"));

        assertThat(AppFollowReviewParser.isTestPing((String) ping.get("text"))).isTrue();
        assertThatThrownBy(() -> parse("appfollow", null, ping, RECEIVED))
                .isInstanceOf(InvalidReviewException.class);
    }

    @Test
    void an_appfollow_structured_review_uses_its_ids_and_marks_edits() {
        Map<String, Object> body = json("""
                {"app":{"ext_id":"1234567890","store":"as","title":"Acme"},
                 "review":{"review_id":11223344556,"ext_id":1234567890,"store":"as","date":"2025-01-08",
                 "time":"09:41:17","created":"2025-01-08 09:45:02","updated":"2025-01-09 10:00:00",
                 "author":"PixelPat","user_id":987654321,"title":"Crashes on launch","content":"It crashes.",
                 "rating":2,"rating_prev":4,"country":"US","locale":"en","version":"5.2.0","has_answer":0,
                 "was_changed":1}}""");

        Review r = parse("appfollow", null, body, RECEIVED);

        assertThat(r.key()).isEqualTo("appstore#1234567890#11223344556");
        assertThat(r.createdAt()).isEqualTo(Instant.parse("2025-01-08T09:41:17Z"));
        assertThat(r.editedAt()).isEqualTo(Instant.parse("2025-01-09T10:00:00Z"));
        assertThat(r.appVersion()).isEqualTo("5.2.0");
    }

    @Test
    void an_appfollow_message_for_an_unknown_app_is_rejected_with_the_reason() {
        Map<String, Object> body = Map.of("text", "Some Other App\nApp Store, X\n★★ Germany\n*t*\nbody\n_by_ *a* _for v1_");

        assertThatThrownBy(() -> parse("appfollow", null, body, RECEIVED))
                .isInstanceOf(InvalidReviewException.class).hasMessageContaining("unknown app");
    }

    @Test
    void partial_or_wrong_store_payloads_are_rejected_with_a_reason() {
        assertThatThrownBy(() -> parse("appstore", "1", Map.of("type", "customerReviews", "id", "x"), RECEIVED))
                .isInstanceOf(InvalidReviewException.class).hasMessageContaining("attributes");
        assertThatThrownBy(() -> parse("googleplay", "p", Map.of("reviewId", "x", "comments", List.of()), RECEIVED))
                .isInstanceOf(InvalidReviewException.class).hasMessageContaining("userComment");
        assertThatThrownBy(() -> parse("googleplay", null, Map.of("reviewId", "x"), RECEIVED))
                .isInstanceOf(InvalidReviewException.class).hasMessageContaining("appId");
        assertThatThrownBy(() -> parse("itunes", "1", Map.of(), RECEIVED))
                .isInstanceOf(InvalidReviewException.class).hasMessageContaining("unknown review source");
        assertThatThrownBy(() -> parse("appstore", "1", Map.of("type", "customerReviews", "id", "x",
                "attributes", Map.of("rating", 9, "createdDate", "2026-01-01T00:00:00Z")), RECEIVED))
                .isInstanceOf(InvalidReviewException.class).hasMessageContaining("rating");
    }

    /** The review object as the worker reads it off the queue, then normalised. */
    private Review parse(String source, String appId, Object review, Instant receivedAt) {
        ReviewMessage message = ReviewMessages.of(source, appId, review);
        return parsers.parse(message.appId(), message.review(), receivedAt);
    }
}
