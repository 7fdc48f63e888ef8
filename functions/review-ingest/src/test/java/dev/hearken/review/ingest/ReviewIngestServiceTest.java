package dev.hearken.review.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearken.escalation.ReviewEscalation;
import dev.hearken.reply.AutoReplyRequest;
import dev.hearken.review.ReviewMessages;
import dev.hearken.review.model.AuthorPseudonymizer;
import dev.hearken.review.model.Review;
import dev.hearken.review.model.ReviewApp;
import dev.hearken.review.model.Store;
import dev.hearken.review.parse.AppResolver;
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

/** The ingest rules with in-memory ports: idempotency, versions, distinct reviewers, reply eligibility, escalations. */
class ReviewIngestServiceTest {

    private final InMemoryStore store = new InMemoryStore();
    private final Set<String> markers = new HashSet<>();
    private final Map<String, Integer> counters = new HashMap<>();
    private final List<AutoReplyRequest> replies = new ArrayList<>();
    private final List<ReviewEscalation> escalations = new ArrayList<>();
    /** Escalation counter: reviews counted (the markers) and per app#day totals. */
    private final Set<String> escalated = new HashSet<>();
    private final Map<String, Long> escalationsPerDay = new HashMap<>();
    /** The app as an operator configured it, or {@code null}. */
    private ReviewApp configured;
    private ReviewAnalysis analysis = new ReviewAnalysis("en", -0.8, "bug", 0.9, Set.of("error", "other"), false, false, "v1");

    private final ReviewIngestService service = new ReviewIngestService(
            new ReviewParsers(new AuthorPseudonymizer("unit-test-key-0123456789".getBytes(StandardCharsets.UTF_8)),
                    new AppResolver() {
                        @Override
                        public Optional<String> appIdByName(Store store, String appName) {
                            return Optional.empty();
                        }

                        @Override
                        public Optional<ReviewApp> app(Store store, String appId) {
                            return Optional.ofNullable(configured).filter(a -> a.store() == store && a.appId().equals(appId));
                        }
                    }),
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
            escalations::add,
            (app, day, reviewKey, flags) -> {
                if (escalated.add(reviewKey)) {
                    escalationsPerDay.merge(app + "#" + day, 1L, Long::sum);
                }
                return escalationsPerDay.getOrDefault(app + "#" + day, 0L);
            },
            new ReviewLinks("https://appstoreconnect.example.com/apps/{appId}/reviews",
                    "https://play.example.com/apps/details?id={appId}&reviewId={reviewId}"),
            Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void a_first_version_is_stored_counted_for_each_topic_but_other_and_offered_for_a_reply() {
        IngestResult r = ingest("googleplay", "app", play("gp:1", 1, "It crashes", "Ana"));

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
    void the_reply_decision_and_why_are_stored_with_the_version() {
        ingest("googleplay", "app", play("gp:1", 1, "It crashes", "Ana"));
        ingest("googleplay", "app", play("gp:1", 2, "It still crashes", "Ana"));

        assertThat(store.decisions.values()).extracting(ReviewStore.Decision::replyReason).containsExactlyInAnyOrder(
                "eligible: rule bug-apology", "an edit: only a review's first version is offered a reply");
        assertThat(store.decisions.values()).filteredOn(ReviewStore.Decision::replyEligible).singleElement()
                .satisfies(d -> assertThat(d.replyAnswer()).isEqualTo("review_bug_apology"));
    }

    @Test
    void a_review_in_a_language_the_app_does_not_answer_in_is_not_offered_and_the_reason_says_so() {
        configured = new ReviewApp("app", Store.GOOGLE_PLAY, "App", true, null, List.of("es", "pt-BR"));

        ingest("googleplay", "app", play("gp:1", 1, "It crashes", "Ana"));

        assertThat(replies).isEmpty();
        assertThat(store.decisions.values()).singleElement().satisfies(d -> {
            assertThat(d.replyEligible()).isFalse();
            assertThat(d.replyReason()).isEqualTo("language en is not among the app's reply languages");
        });
    }

    @Test
    void a_redelivery_changes_nothing() {
        ingest("googleplay", "app", play("gp:1", 1, "It crashes", "Ana"));

        IngestResult again = ingest("googleplay", "app", play("gp:1", 1, "It crashes", "Ana"));

        assertThat(again.outcome()).isEqualTo(ReviewStore.Outcome.DUPLICATE);
        assertThat(replies).hasSize(1);
        assertThat(store.completed).hasSize(1);
        assertThat(counters.values()).containsExactly(1);
    }

    @Test
    void an_edit_is_a_new_version_with_the_old_rating_and_neither_recounts_nor_replies_again() {
        ingest("googleplay", "app", play("gp:1", 2, "It crashes", "Ana"));

        IngestResult edit = ingest("googleplay", "app", play("gp:1", 1, "It still crashes", "Ana"));

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
            ingest("googleplay", "app", play("gp:1", 1, "It crashes", "Ana"));
        } catch (IllegalStateException expected) {
            // the crash after counting
        }

        IngestResult retry = ingest("googleplay", "app", play("gp:1", 1, "It crashes", "Ana"));

        assertThat(retry.outcome()).isEqualTo(ReviewStore.Outcome.UNFINISHED);
        assertThat(store.completed).hasSize(1);
        assertThat(counters).containsEntry("app#error#5.2.0#2026-03-02", 1);
    }

    @Test
    void answered_spam_priority_and_high_rated_reviews_are_never_offered() {
        analysis = new ReviewAnalysis("en", -0.8, "bug", 0.9, Set.of("error"), false, true, "v1");
        ingest("googleplay", "app", play("gp:prio", 1, "It crashes, my lawyer will call", "A"));
        analysis = new ReviewAnalysis("en", -0.8, "bug", 0.9, Set.of("error"), true, false, "v1");
        ingest("googleplay", "app", play("gp:spam", 1, "crash crash buy followers", "B"));
        analysis = new ReviewAnalysis("en", 0.2, "bug", 0.9, Set.of("error"), false, false, "v1");
        ingest("googleplay", "app", play("gp:four", 4, "Small crash sometimes", "C"));
        analysis = new ReviewAnalysis("en", -0.8, "bug", 0.3, Set.of("error"), false, false, "v1");
        ingest("googleplay", "app", play("gp:unsure", 1, "hmm crash?", "D"));

        assertThat(replies).isEmpty();
    }

    @Test
    void two_reviewers_count_twice_and_an_anonymous_review_counts_as_its_own_reviewer() {
        ingest("googleplay", "app", play("gp:1", 1, "It crashes", "Ana"));
        ingest("googleplay", "app", play("gp:2", 1, "Crashes here too", "Bo"));
        ingest("googleplay", "app", play("gp:3", 1, "And here", null));

        assertThat(counters).containsEntry("app#error#5.2.0#2026-03-02", 3);
    }

    @Test
    void a_privacy_review_is_escalated_once_with_what_a_person_needs_and_counted_but_never_offered_for_a_reply() {
        analysis = privacy();

        IngestResult r = ingest("googleplay", "com.example.lumen",
                play("gp:privacy-1", 1, "Delete my account and all my personal data, GDPR request", "Ana"));

        assertThat(escalations).singleElement().satisfies(e -> {
            assertThat(e.escalationId()).isEqualTo("review:googleplay:gp:privacy-1");
            assertThat(e.flags()).containsExactly("privacy");
            assertThat(e.store()).isEqualTo("googleplay");
            assertThat(e.source()).isEqualTo("googleplay");
            assertThat(e.appId()).isEqualTo("com.example.lumen");
            assertThat(e.rating()).isEqualTo(1);
            assertThat(e.body()).isEqualTo("Delete my account and all my personal data, GDPR request");
            assertThat(e.author()).isNotBlank().isNotEqualTo("Ana");
            assertThat(e.reviewUrl()).isEqualTo("https://play.example.com/apps/details?id=com.example.lumen&reviewId=gp%3Aprivacy-1");
            assertThat(e.intent()).isEqualTo("privacy_request");
            assertThat(e.decidedAt()).isEqualTo("2026-03-02T10:00:00Z");
        });
        assertThat(replies).isEmpty();
        assertThat(r.replyRule()).isNull();
        assertThat(r.escalated()).containsExactly("privacy");
        assertThat(r.escalationsThatDay()).isEqualTo(1);
    }

    @Test
    void a_legal_review_is_escalated_with_the_legal_flag() {
        analysis = new ReviewAnalysis("en", -0.9, "legal", 0.8, Set.of(), false, false, "v1", Set.of("legal"));

        IngestResult r = ingest("googleplay", "app", play("gp:legal-1", 1, "My lawyer will sue you", "Bo"));

        assertThat(escalations).singleElement().satisfies(e -> assertThat(e.flags()).containsExactly("legal"));
        assertThat(r.escalated()).containsExactly("legal");
        assertThat(replies).isEmpty();
    }

    @Test
    void a_normal_review_and_a_payment_only_review_are_not_escalated() {
        ingest("googleplay", "app", play("gp:normal", 1, "It crashes", "Ana"));
        analysis = new ReviewAnalysis("en", -0.8, "subscription_billing", 0.9, Set.of(), false, false, "v1", Set.of("payment"));
        IngestResult payment = ingest("googleplay", "app", play("gp:payment", 1, "Charged twice", "Bo"));

        assertThat(escalations).isEmpty();
        assertThat(payment.escalated()).isEmpty();
        assertThat(payment.escalationsThatDay()).isZero();
        assertThat(replies).hasSize(1).allSatisfy(q -> assertThat(q.itemId()).isEqualTo("app/gp:normal"));
    }

    @Test
    void a_redelivered_privacy_review_is_not_escalated_or_counted_again() {
        analysis = privacy();
        ingest("googleplay", "app", play("gp:privacy-1", 1, "Delete my account and all my personal data, GDPR request", "Ana"));

        IngestResult again = ingest("googleplay", "app",
                play("gp:privacy-1", 1, "Delete my account and all my personal data, GDPR request", "Ana"));

        assertThat(again.outcome()).isEqualTo(ReviewStore.Outcome.DUPLICATE);
        assertThat(escalations).hasSize(1);
        assertThat(escalationsPerDay).containsExactly(Map.entry("app#2026-03-02", 1L));
    }

    @Test
    void an_interrupted_privacy_review_is_escalated_again_under_the_same_id_and_counted_once() {
        analysis = privacy();
        store.failCompleteOnce = true;
        try {
            ingest("googleplay", "app", play("gp:privacy-1", 1, "Delete my account and all my personal data", "Ana"));
        } catch (IllegalStateException expected) {
            // the crash after escalating
        }

        IngestResult retry = ingest("googleplay", "app", play("gp:privacy-1", 1, "Delete my account and all my personal data", "Ana"));

        assertThat(retry.outcome()).isEqualTo(ReviewStore.Outcome.UNFINISHED);
        assertThat(escalations).hasSize(2).extracting(ReviewEscalation::escalationId).containsOnly("review:googleplay:gp:privacy-1");
        assertThat(retry.escalationsThatDay()).isEqualTo(1);
    }

    @Test
    void an_edit_that_adds_a_privacy_request_is_escalated_and_the_review_still_counts_once() {
        ingest("googleplay", "app", play("gp:edit", 2, "It crashes", "Ana"));
        analysis = privacy();

        ingest("googleplay", "app", play("gp:edit", 1, "Still crashes. Delete my account and all my personal data", "Ana"));
        ingest("googleplay", "app", play("gp:edit", 1, "Delete my account and all my personal data, GDPR request", "Ana"));

        assertThat(escalations).hasSize(2).extracting(ReviewEscalation::escalationId).containsOnly("review:googleplay:gp:edit");
        assertThat(escalationsPerDay).containsExactly(Map.entry("app#2026-03-02", 1L));
    }

    @Test
    void spam_or_an_earlier_developer_reply_do_not_stop_an_escalation() {
        analysis = new ReviewAnalysis("en", -0.8, "privacy_request", 0.9, Set.of(), true, false, "v1", Set.of("privacy"));
        Map<String, Object> answered = play("gp:answered", 1, "Delete my account and all my personal data", "Ana");
        @SuppressWarnings("unchecked")
        List<Object> comments = new ArrayList<>((List<Object>) answered.get("comments"));
        comments.add(Map.of("developerComment", Map.of("text", "Hi!", "lastModified", Map.of("seconds", "1772438000", "nanos", 0))));
        answered.put("comments", comments);

        ingest("googleplay", "app", answered);

        assertThat(escalations).singleElement().satisfies(e -> assertThat(e.reviewId()).isEqualTo("gp:answered"));
    }

    @Test
    void an_appfollow_text_review_links_to_its_permalink_and_a_store_review_to_its_template() {
        Review appfollow = new Review(dev.hearken.review.model.Store.APP_STORE, "1234567890", "af-123",
                dev.hearken.review.model.ReviewSource.APPFOLLOW, 1, null, "x", null, null, null, null, null,
                Instant.parse("2026-03-02T10:00:00Z"), null, false);
        Review appfollowNoLink = new Review(dev.hearken.review.model.Store.GOOGLE_PLAY, "com.example.lumen", "af-124",
                dev.hearken.review.model.ReviewSource.APPFOLLOW, 1, null, "x", null, null, null, null, null,
                Instant.parse("2026-03-02T10:00:00Z"), null, false);
        Review appStore = new Review(dev.hearken.review.model.Store.APP_STORE, "1234567890", "00000047-aa",
                dev.hearken.review.model.ReviewSource.APPSTORE, 1, null, "x", null, null, null, null, null,
                Instant.parse("2026-03-02T10:00:00Z"), null, false);
        ReviewLinks links = new ReviewLinks("https://asc.example.com/apps/{appId}/reviews",
                "https://play.example.com/details?id={appId}&reviewId={reviewId}");

        assertThat(links.of(appfollow, ReviewMessages.review("appfollow", Map.of("text", "Lumen\nApp Store, X\n★ United States\nbody\n"
                + "[Permalink](https://appfollow.example.com/permalink/af-123) · [Add tag](https://appfollow.example.com/add_tag/1)"))))
                .isEqualTo("https://appfollow.example.com/permalink/af-123");
        assertThat(links.of(appfollowNoLink, ReviewMessages.review("appfollow", Map.of("text", "no link"))))
                .as("AppFollow ids are not Play's").isNull();
        assertThat(links.of(appStore, ReviewMessages.review("appstore", Map.of())))
                .isEqualTo("https://asc.example.com/apps/1234567890/reviews");
        assertThat(new ReviewLinks("none", " ").of(appStore, ReviewMessages.review("appstore", Map.of()))).isNull();
    }

    private IngestResult ingest(String source, String appId, Map<String, Object> review) {
        return service.ingest(ReviewMessages.of(source, appId, review));
    }

    private static ReviewAnalysis privacy() {
        return new ReviewAnalysis("en", -0.6, "privacy_request", 0.9, Set.of(), false, true, "v1", Set.of("privacy"));
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
        final Map<String, Decision> decisions = new HashMap<>();
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
        public void complete(Review r, ReviewAnalysis a, Decision d) {
            if (failCompleteOnce) {
                failCompleteOnce = false;
                throw new IllegalStateException("crash");
            }
            completed.add(r.key() + "@" + r.contentHash());
            decisions.put(r.key() + "@" + r.contentHash(), d);
        }
    }
}
