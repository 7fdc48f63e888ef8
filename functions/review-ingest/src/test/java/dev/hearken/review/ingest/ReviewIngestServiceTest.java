package dev.hearken.review.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearken.reply.AutoReplyRequest;
import dev.hearken.review.model.AuthorPseudonymizer;
import dev.hearken.review.model.Review;
import dev.hearken.review.parse.ReviewParsers;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The ingest rules with in-memory ports: idempotency, versions, distinct reviewers, reply eligibility. */
class ReviewIngestServiceTest {

    private final InMemoryStore store = new InMemoryStore();
    private final Set<String> markers = new HashSet<>();
    private final Map<String, Integer> counters = new HashMap<>();
    private final List<AutoReplyRequest> replies = new ArrayList<>();
    private ReviewAnalysis analysis = new ReviewAnalysis("en", -0.8, "bug", 0.9, Set.of("error", "other"), false, false, "v1");

    private final ReviewIngestService service = new ReviewIngestService(
            new ReviewParsers(new AuthorPseudonymizer("unit-test-key-0123456789".getBytes(StandardCharsets.UTF_8)),
                    (s, n) -> Optional.empty()),
            store, r -> analysis,
            (app, topic, version, day, reviewer) -> {
                if (!markers.add(app + topic + version + day + reviewer)) {
                    return false;
                }
                counters.merge(app + "#" + topic + "#" + version + "#" + day, 1, Integer::sum);
                return true;
            },
            replies::add,
            List.of(new ReplyRule("bug-apology", Set.of(1, 2), Set.of("bug"), Set.of(), 0.5, "review_bug_apology")),
            Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void a_first_version_is_stored_counted_for_each_topic_but_other_and_offered_for_a_reply() {
        IngestResult r = service.ingest("googleplay", "app", play("gp:1", 1, "It crashes", "Ana"));

        assertThat(r.outcome()).isEqualTo(ReviewStore.Outcome.NEW);
        assertThat(r.topicsCounted()).containsExactly("error");
        assertThat(counters).containsEntry("app#error#5.2.0#2026-03-02", 1);
        assertThat(replies).singleElement().satisfies(q -> {
            assertThat(q.requestId()).isEqualTo("googleplay:app/gp:1");
            assertThat(q.intent()).isEqualTo("review_bug_apology");
            assertThat(q.language()).isEqualTo("en");
        });
        assertThat(store.completed).hasSize(1);
    }

    @Test
    void a_redelivery_changes_nothing() {
        service.ingest("googleplay", "app", play("gp:1", 1, "It crashes", "Ana"));

        IngestResult again = service.ingest("googleplay", "app", play("gp:1", 1, "It crashes", "Ana"));

        assertThat(again.outcome()).isEqualTo(ReviewStore.Outcome.DUPLICATE);
        assertThat(replies).hasSize(1);
        assertThat(store.completed).hasSize(1);
        assertThat(counters.values()).containsExactly(1);
    }

    @Test
    void an_edit_is_a_new_version_with_the_old_rating_and_neither_recounts_nor_replies_again() {
        service.ingest("googleplay", "app", play("gp:1", 2, "It crashes", "Ana"));

        IngestResult edit = service.ingest("googleplay", "app", play("gp:1", 1, "It still crashes", "Ana"));

        assertThat(edit.outcome()).isEqualTo(ReviewStore.Outcome.EDITED);
        assertThat(edit.previousRating()).isEqualTo(2);
        assertThat(store.versions.get("googleplay#app#gp:1")).hasSize(2);
        assertThat(counters).containsEntry("app#error#5.2.0#2026-03-02", 1);
        assertThat(replies).hasSize(1);
    }

    @Test
    void an_interrupted_version_is_finished_on_redelivery() {
        store.failCompleteOnce = true;
        try {
            service.ingest("googleplay", "app", play("gp:1", 1, "It crashes", "Ana"));
        } catch (IllegalStateException expected) {
            // the crash after counting
        }

        IngestResult retry = service.ingest("googleplay", "app", play("gp:1", 1, "It crashes", "Ana"));

        assertThat(retry.outcome()).isEqualTo(ReviewStore.Outcome.UNFINISHED);
        assertThat(store.completed).hasSize(1);
        assertThat(counters).containsEntry("app#error#5.2.0#2026-03-02", 1);
    }

    @Test
    void answered_spam_priority_and_high_rated_reviews_are_never_offered() {
        analysis = new ReviewAnalysis("en", -0.8, "bug", 0.9, Set.of("error"), false, true, "v1");
        service.ingest("googleplay", "app", play("gp:prio", 1, "It crashes, my lawyer will call", "A"));
        analysis = new ReviewAnalysis("en", -0.8, "bug", 0.9, Set.of("error"), true, false, "v1");
        service.ingest("googleplay", "app", play("gp:spam", 1, "crash crash buy followers", "B"));
        analysis = new ReviewAnalysis("en", 0.2, "bug", 0.9, Set.of("error"), false, false, "v1");
        service.ingest("googleplay", "app", play("gp:four", 4, "Small crash sometimes", "C"));
        analysis = new ReviewAnalysis("en", -0.8, "bug", 0.3, Set.of("error"), false, false, "v1");
        service.ingest("googleplay", "app", play("gp:unsure", 1, "hmm crash?", "D"));

        assertThat(replies).isEmpty();
    }

    @Test
    void two_reviewers_count_twice_and_an_anonymous_review_counts_as_its_own_reviewer() {
        service.ingest("googleplay", "app", play("gp:1", 1, "It crashes", "Ana"));
        service.ingest("googleplay", "app", play("gp:2", 1, "Crashes here too", "Bo"));
        service.ingest("googleplay", "app", play("gp:3", 1, "And here", null));

        assertThat(counters).containsEntry("app#error#5.2.0#2026-03-02", 3);
    }

    private static Map<String, Object> play(String id, int stars, String text, String author) {
        Map<String, Object> user = new HashMap<>();
        user.put("text", text);
        user.put("lastModified", Map.of("seconds", "1772438311", "nanos", 0));
        user.put("starRating", stars);
        user.put("appVersionName", "5.2.0");
        Map<String, Object> review = new HashMap<>();
        review.put("reviewId", id);
        if (author != null) {
            review.put("authorName", author);
        }
        review.put("comments", List.of(Map.of("userComment", user)));
        return review;
    }

    /** {@link ReviewStore} in memory, with the same version semantics as the DynamoDB adapter. */
    static final class InMemoryStore implements ReviewStore {
        final Map<String, Map<String, Review>> versions = new HashMap<>();
        final Set<String> completed = new HashSet<>();
        boolean failCompleteOnce;

        @Override
        public Stored store(Review r) {
            Map<String, Review> all = versions.computeIfAbsent(r.key(), k -> new HashMap<>());
            String id = r.key() + "@" + r.contentHash();
            if (all.containsKey(r.contentHash())) {
                return completed.contains(id) ? new Stored(Outcome.DUPLICATE, null, false)
                        : new Stored(Outcome.UNFINISHED, null, all.size() == 1);
            }
            Review previous = all.values().stream().max((a, b) -> a.contentTime().compareTo(b.contentTime())).orElse(null);
            all.put(r.contentHash(), r);
            return previous == null ? new Stored(Outcome.NEW, null, true)
                    : new Stored(Outcome.EDITED, previous.rating(), false);
        }

        @Override
        public void complete(Review r, ReviewAnalysis a) {
            if (failCompleteOnce) {
                failCompleteOnce = false;
                throw new IllegalStateException("crash");
            }
            completed.add(r.key() + "@" + r.contentHash());
        }
    }
}
