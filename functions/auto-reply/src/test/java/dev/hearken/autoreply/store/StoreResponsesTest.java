package dev.hearken.autoreply.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.autoreply.domain.ReviewView;
import org.junit.jupiter.api.Test;

/** Request bodies and response readings against the contracts' own examples (appstoreconnect.md §5, googleplay.md §3). */
class StoreResponsesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void the_app_store_response_body_is_the_documented_create_request() throws Exception {
        JsonNode body = StoreResponses.appStoreResponse(JSON, "00000047-81ef-5a01-8e55-7e7200000000", "Sorry about that!");

        assertThat(body).isEqualTo(JSON.readTree("""
                {"data":{"type":"customerReviewResponses","attributes":{"responseBody":"Sorry about that!"},
                 "relationships":{"review":{"data":{"type":"customerReviews","id":"00000047-81ef-5a01-8e55-7e7200000000"}}}}}"""));
    }

    @Test
    void an_app_store_review_with_a_response_is_answered_one_without_is_not() throws Exception {
        JsonNode unanswered = JSON.readTree("""
                {"data":{"type":"customerReviews","id":"r1","attributes":{"rating":2,"title":"Crashes","body":"…",
                 "reviewerNickname":"PixelPat","createdDate":"2025-01-08T09:41:17-08:00","territory":"USA"},
                 "relationships":{"response":{"links":{"self":"https://x/relationships/response"}}}}}""");
        JsonNode answered = JSON.readTree("""
                {"data":{"type":"customerReviews","id":"r2","attributes":{"rating":5},
                 "relationships":{"response":{"data":{"type":"customerReviewResponses","id":"6b7a"}}}},
                 "included":[{"type":"customerReviewResponses","id":"6b7a","attributes":{"responseBody":"Thanks","state":"PUBLISHED"}}]}""");

        ReviewView first = StoreResponses.appStoreReview("account", unanswered);
        assertThat(first.rating()).isEqualTo(2);
        assertThat(first.band()).isEqualTo("low");
        assertThat(first.reviewerName()).isEqualTo("PixelPat");
        assertThat(first.answered()).isFalse();
        assertThat(StoreResponses.appStoreReview("account", answered).answered()).isTrue();
    }

    @Test
    void the_play_reply_body_is_reply_text_only() {
        assertThat(StoreResponses.playReply(JSON, "Sorry! 5.2.1 fixes this").toString())
                .isEqualTo("{\"replyText\":\"Sorry! 5.2.1 fixes this\"}");
    }

    @Test
    void a_play_review_with_a_developer_comment_is_answered() throws Exception {
        JsonNode review = JSON.readTree("""
                {"reviewId":"gp:AOqpTOH7cQ2b5H8Kc1tE4e3f0mWl8yZ","authorName":"Jane Bloggs","comments":[
                  {"userComment":{"text":"\\tCrashes when I open the camera.","lastModified":{"seconds":"1736330477","nanos":796000000},
                   "starRating":2,"reviewerLanguage":"en"}},
                  {"developerComment":{"text":"Sorry! 5.2.1 fixes this — please update.","lastModified":{"seconds":"1736340000","nanos":0}}}]}""");
        JsonNode unanswered = JSON.readTree("""
                {"reviewId":"gp:2","authorName":"Ana","comments":[{"userComment":{"text":"ok","starRating":3}}]}""");

        ReviewView first = StoreResponses.playReview("com.example.app", review);
        assertThat(first.app()).isEqualTo("com.example.app");
        assertThat(first.rating()).isEqualTo(2);
        assertThat(first.answered()).isTrue();
        ReviewView second = StoreResponses.playReview("com.example.app", unanswered);
        assertThat(second.answered()).isFalse();
        assertThat(second.band()).isEqualTo("mid");
    }
}
