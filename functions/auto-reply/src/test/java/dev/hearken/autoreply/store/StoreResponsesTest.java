package dev.hearken.autoreply.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.autoreply.domain.ReviewView;
import dev.hearken.integrations.appstore.AppStoreResources.CustomerReviewDocument;
import dev.hearken.integrations.googleplay.GooglePlayResources.Review;
import org.junit.jupiter.api.Test;

/**
 * Review documents read as auto-reply's view, against the contracts' own examples (appstoreconnect.md §4,
 * googleplay.md §3); the request bodies are tested with the clients in the integrations module.
 */
class StoreResponsesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void an_app_store_review_with_a_response_is_answered_one_without_is_not() throws Exception {
        CustomerReviewDocument unanswered = JSON.readValue("""
                {"data":{"type":"customerReviews","id":"r1","attributes":{"rating":2,"title":"Crashes","body":"…",
                 "reviewerNickname":"PixelPat","createdDate":"2025-01-08T09:41:17-08:00","territory":"USA"},
                 "relationships":{"response":{"links":{"self":"https://x/relationships/response"}}}}}""",
                CustomerReviewDocument.class);
        CustomerReviewDocument answered = JSON.readValue("""
                {"data":{"type":"customerReviews","id":"r2","attributes":{"rating":5},
                 "relationships":{"response":{"data":{"type":"customerReviewResponses","id":"6b7a"}}}},
                 "included":[{"type":"customerReviewResponses","id":"6b7a","attributes":{"responseBody":"Thanks","state":"PUBLISHED"}}]}""",
                CustomerReviewDocument.class);

        ReviewView first = StoreResponses.appStoreReview("account", unanswered);
        assertThat(first.rating()).isEqualTo(2);
        assertThat(first.band()).isEqualTo("low");
        assertThat(first.reviewerName()).isEqualTo("PixelPat");
        assertThat(first.answered()).isFalse();
        assertThat(StoreResponses.appStoreReview("account", answered).answered()).isTrue();
    }

    @Test
    void a_play_review_with_a_developer_comment_is_answered() throws Exception {
        Review review = JSON.readValue("""
                {"reviewId":"gp:AOqpTOH7cQ2b5H8Kc1tE4e3f0mWl8yZ","authorName":"Jane Bloggs","comments":[
                  {"userComment":{"text":"\\tCrashes when I open the camera.","lastModified":{"seconds":"1736330477","nanos":796000000},
                   "starRating":2,"reviewerLanguage":"en"}},
                  {"developerComment":{"text":"Sorry! 5.2.1 fixes this — please update.","lastModified":{"seconds":"1736340000","nanos":0}}}]}""", Review.class);
        Review unanswered = JSON.readValue("""
                {"reviewId":"gp:2","authorName":"Ana","comments":[{"userComment":{"text":"ok","starRating":3}}]}""", Review.class);

        ReviewView first = StoreResponses.playReview("com.example.app", review);
        assertThat(first.app()).isEqualTo("com.example.app");
        assertThat(first.rating()).isEqualTo(2);
        assertThat(first.answered()).isTrue();
        ReviewView second = StoreResponses.playReview("com.example.app", unanswered);
        assertThat(second.answered()).isFalse();
        assertThat(second.band()).isEqualTo("mid");
    }
}
