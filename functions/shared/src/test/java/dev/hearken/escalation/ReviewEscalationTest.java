package dev.hearken.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReviewEscalationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void the_escalation_id_is_store_and_review_so_one_review_gets_one_ticket() {
        ReviewEscalation e = privacy("appstore", "00000047-81ef-5a01-8e55-7e72000000f1");

        assertThat(e.escalationId()).isEqualTo("review:appstore:00000047-81ef-5a01-8e55-7e72000000f1");
        assertThat(e.version()).isEqualTo(ReviewEscalation.VERSION);
    }

    @Test
    void it_serialises_to_the_documented_property_names_and_back() throws Exception {
        ReviewEscalation e = privacy("googleplay", "gp:AOqpTOHearkenPrivacy01");

        String json = JSON.writeValueAsString(e);

        assertThat(JSON.readTree(json).fieldNames()).toIterable().containsExactly(
                "version", "escalationId", "store", "source", "appId", "reviewId", "flags", "rating", "title", "body",
                "language", "territory", "appVersion", "author", "reviewedAt", "reviewUrl", "intent", "decidedAt",
                "modelVersion");
        assertThat(JSON.readValue(json, ReviewEscalation.class)).isEqualTo(e);
    }

    @Test
    void flags_are_lower_case_sorted_and_only_privacy_or_legal() {
        ReviewEscalation e = ReviewEscalation.of("appstore", "appstore", "1", "r", Set.of("legal", "privacy"), 1, null,
                "x", "en", null, null, null, "2026-03-02T08:41:17Z", null, "legal", "2026-03-02T10:00:00Z", "v1");

        assertThat(e.flags()).containsExactly("legal", "privacy");
        assertThatThrownBy(() -> ReviewEscalation.of("appstore", "appstore", "1", "r", Set.of("payment"), 1, null, "x",
                "en", null, null, null, "2026-03-02T08:41:17Z", null, "bug", "2026-03-02T10:00:00Z", "v1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("payment");
        assertThatThrownBy(() -> ReviewEscalation.of("appstore", "appstore", "1", "r", Set.of(), 1, null, "x",
                "en", null, null, null, "2026-03-02T08:41:17Z", null, "bug", "2026-03-02T10:00:00Z", "v1"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_mismatched_id_an_unknown_store_or_version_and_a_bad_rating_or_link_are_refused() {
        ReviewEscalation ok = privacy("appstore", "r1");

        assertThatThrownBy(() -> copy(ok, 1, "review:appstore:other", "appstore", ok.rating(), ok.reviewUrl()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("escalationId");
        assertThatThrownBy(() -> copy(ok, 1, "review:itunes:r1", "itunes", ok.rating(), ok.reviewUrl()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("store");
        assertThatThrownBy(() -> copy(ok, 2, ok.escalationId(), "appstore", ok.rating(), ok.reviewUrl()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("version");
        assertThatThrownBy(() -> copy(ok, 1, ok.escalationId(), "appstore", 0, ok.reviewUrl()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rating");
        assertThatThrownBy(() -> copy(ok, 1, ok.escalationId(), "appstore", 1, "javascript:alert(1)"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reviewUrl");
    }

    @Test
    void to_string_leaves_out_what_the_user_wrote_and_who_they_are() {
        ReviewEscalation e = privacy("appstore", "r1");

        assertThat(e.toString()).contains("review:appstore:r1", "privacy")
                .doesNotContain("Delete my account", "GDPR", "Please", e.author());
    }

    private static ReviewEscalation privacy(String store, String reviewId) {
        return ReviewEscalation.of(store, store, store.equals("appstore") ? "1234567890" : "com.example.lumen", reviewId,
                Set.of("privacy"), 1, "Please delete everything",
                "Delete my account and all my personal data, GDPR request", "en", "USA", "5.2.0",
                "3f9c0a1b2c3d4e5f", "2026-03-02T08:41:17Z", "https://appfollow.example.com/permalink/x", "privacy_request",
                "2026-03-02T10:00:00Z", "v1");
    }

    private static ReviewEscalation copy(ReviewEscalation e, int version, String id, String store, int rating, String url) {
        return new ReviewEscalation(version, id, store, e.source(), e.appId(), e.reviewId(), e.flags(), rating, e.title(),
                e.body(), e.language(), e.territory(), e.appVersion(), e.author(), e.reviewedAt(), url, e.intent(),
                e.decidedAt(), e.modelVersion());
    }
}
