package dev.hearken.review.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReviewTest {

    private static Review review(int rating, String title, String body, Instant created, Instant edited) {
        return new Review(Store.GOOGLE_PLAY, "com.example.lumen", "gp:1", ReviewSource.GOOGLEPLAY, rating, title, body,
                "en", null, "5.2.0", null, "author", created, edited, false);
    }

    @Test
    void the_same_words_and_rating_are_the_same_version_whenever_and_however_they_arrive() {
        Review a = review(2, "Crash", "It crashes", Instant.parse("2026-03-01T10:00:00Z"), null);
        Review b = review(2, "Crash", " It crashes ", Instant.parse("2026-03-02T10:00:00Z"), null);

        assertThat(a.contentHash()).isEqualTo(b.contentHash());
    }

    @Test
    void a_changed_rating_alone_is_a_new_version() {
        Instant t = Instant.parse("2026-03-01T10:00:00Z");

        assertThat(review(2, "Crash", "It crashes", t, null).contentHash())
                .isNotEqualTo(review(4, "Crash", "It crashes", t, null).contentHash());
    }

    @Test
    void the_impact_day_is_the_utc_day_of_the_edit_when_there_is_one() {
        Review r = review(2, null, "x", Instant.parse("2026-03-01T23:00:00Z"), Instant.parse("2026-03-03T00:30:00Z"));

        assertThat(r.day()).hasToString("2026-03-03");
    }

    @Test
    void ratings_outside_one_to_five_are_refused() {
        assertThatThrownBy(() -> review(0, null, "x", Instant.EPOCH, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pseudonyms_are_stable_per_key_and_store_and_never_contain_the_name() {
        AuthorPseudonymizer one = new AuthorPseudonymizer("0123456789abcdef-one".getBytes(StandardCharsets.UTF_8));
        AuthorPseudonymizer two = new AuthorPseudonymizer("0123456789abcdef-two".getBytes(StandardCharsets.UTF_8));

        String p = one.pseudonym(Store.APP_STORE, "Ana Souza");

        assertThat(p).isEqualTo(one.pseudonym(Store.APP_STORE, " Ana Souza "));
        assertThat(p).isNotEqualTo(one.pseudonym(Store.GOOGLE_PLAY, "Ana Souza"));
        assertThat(p).isNotEqualTo(two.pseudonym(Store.APP_STORE, "Ana Souza"));
        assertThat(p).doesNotContainIgnoringCase("ana").hasSize(22);
        assertThat(one.pseudonym(Store.APP_STORE, "  ")).isNull();
    }

    @Test
    void a_short_pseudonymisation_key_is_refused() {
        assertThatThrownBy(() -> new AuthorPseudonymizer(new byte[4])).isInstanceOf(IllegalArgumentException.class);
    }
}
