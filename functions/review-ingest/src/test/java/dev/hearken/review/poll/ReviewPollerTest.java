package dev.hearken.review.poll;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearken.integration.RateLimitedException;
import dev.hearken.integrations.googleplay.GooglePlayResources;
import dev.hearken.review.ingest.ReviewMessage;
import dev.hearken.review.parse.ProviderReview;
import dev.hearken.review.ingest.ReviewQueue;
import dev.hearken.review.model.Store;
import dev.hearken.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sweep rules with an in-memory store listing, cursor store and queue. */
class ReviewPollerTest {

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    private final List<PageItem> listing = new ArrayList<>(); // newest first
    private final List<String> calls = new ArrayList<>();
    private final Map<String, Cursor> cursors = new HashMap<>();
    private final List<ReviewMessage> queued = new ArrayList<>();
    private RuntimeException nextFailure;
    private final MutableClock clock = new MutableClock(T0);
    private Duration costPerPage = Duration.ZERO;
    private Duration pauseOnce;

    private final StoreClient client = (appId, position) -> {
        calls.add(position == null ? "first" : position);
        clock.advance(costPerPage);
        if (nextFailure != null) {
            RuntimeException e = nextFailure;
            nextFailure = null;
            throw e;
        }
        int from = position == null ? 0 : Integer.parseInt(position);
        int to = Math.min(listing.size(), from + 2);
        Duration pause = pauseOnce;
        pauseOnce = null;
        return new Page(List.copyOf(listing.subList(from, to)), to < listing.size() ? Integer.toString(to) : null, pause);
    };

    private final ReviewPoller poller = new ReviewPoller(Map.of(Store.GOOGLE_PLAY, client), new CursorStore() {
        @Override
        public Cursor get(String key) {
            return cursors.getOrDefault(key, new Cursor(key, null, null, null, null));
        }

        @Override
        public void put(Cursor cursor) {
            cursors.put(cursor.key(), cursor);
        }
    }, new ReviewQueue() {
        @Override
        public String send(ReviewMessage message) {
            queued.add(message);
            return "m" + queued.size();
        }

        @Override
        public void sendAll(List<ReviewMessage> messages) {
            queued.addAll(messages);
        }
    }, clock, m -> { });

    private static final List<ReviewPoller.Target> APP = List.of(new ReviewPoller.Target(Store.GOOGLE_PLAY, "app"));

    @Test
    void a_sweep_reads_every_page_once_then_the_next_stops_at_the_cursor() {
        addOlder(5);

        PollSummary first = poller.run(APP, T0.plusSeconds(60));
        addNewest("new-1");
        calls.clear();
        PollSummary second = poller.run(APP, T0.plusSeconds(60));

        assertThat(first.enqueued()).isEqualTo(5);
        assertThat(first.apps().get(0).pages()).isEqualTo(3);
        assertThat(second.enqueued()).isEqualTo(1);
        assertThat(calls).containsExactly("first");
        assertThat(cursors.get("googleplay#app").newest().id()).isEqualTo("new-1");
    }

    @Test
    void when_the_budget_runs_out_the_next_run_resumes_the_sweep_and_only_then_moves_the_cursor() {
        addOlder(6);
        costPerPage = Duration.ofSeconds(30);

        PollSummary first = poller.run(APP, T0.plusSeconds(45));
        Cursor saved = cursors.get("googleplay#app");
        PollSummary second = poller.run(APP, clock.instant().plusSeconds(600));

        assertThat(first.apps().get(0).stop()).isEqualTo(PollSummary.Stop.BUDGET);
        assertThat(first.enqueued()).isEqualTo(4);
        assertThat(saved.newest()).isNull();
        assertThat(saved.resume()).isEqualTo("4");
        assertThat(second.enqueued()).isEqualTo(2);
        assertThat(queued).extracting(m -> ((ProviderReview.GooglePlay) m.review()).review().reviewId()).doesNotHaveDuplicates().hasSize(6);
        assertThat(cursors.get("googleplay#app").newest().id()).isEqualTo("r0");
    }

    @Test
    void a_429_saves_the_position_and_waits_for_retry_after() {
        addOlder(4);
        poller.run(APP, T0.plusSeconds(60)); // caught up
        addNewest("new-1");
        addNewest("new-2");
        addNewest("new-3");
        nextFailure = new RateLimitedException("app-store", Duration.ofMinutes(10));

        PollSummary limited = poller.run(APP, T0.plusSeconds(60));
        PollSummary waiting = poller.run(APP, T0.plusSeconds(60));
        clock.advance(Duration.ofMinutes(11));
        PollSummary resumed = poller.run(APP, clock.instant().plusSeconds(60));

        assertThat(limited.apps().get(0).stop()).isEqualTo(PollSummary.Stop.RATE_LIMITED);
        assertThat(waiting.apps().get(0).stop()).isEqualTo(PollSummary.Stop.WAITING);
        assertThat(resumed.apps().get(0).stop()).isEqualTo(PollSummary.Stop.CAUGHT_UP);
        assertThat(resumed.enqueued()).isEqualTo(3);
    }

    @Test
    void a_nearly_spent_quota_stops_after_the_page_and_resumes_after_the_pause() {
        addOlder(5);
        pauseOnce = Duration.ofMinutes(5);

        PollSummary paused = poller.run(APP, T0.plusSeconds(60));
        PollSummary waiting = poller.run(APP, T0.plusSeconds(60));
        clock.advance(Duration.ofMinutes(6));
        PollSummary resumed = poller.run(APP, clock.instant().plusSeconds(60));

        assertThat(paused.apps().get(0).stop()).isEqualTo(PollSummary.Stop.RATE_LIMITED);
        assertThat(paused.enqueued()).isEqualTo(2);
        assertThat(waiting.apps().get(0).stop()).isEqualTo(PollSummary.Stop.WAITING);
        assertThat(resumed.enqueued()).isEqualTo(3);
        assertThat(queued).hasSize(5);
    }

    @Test
    void another_failure_leaves_the_cursor_as_it_was() {
        addOlder(2);
        nextFailure = new IllegalStateException("503");

        PollSummary failed = poller.run(APP, T0.plusSeconds(60));

        assertThat(failed.apps().get(0).stop()).isEqualTo(PollSummary.Stop.FAILED);
        assertThat(cursors).isEmpty();
        assertThat(poller.run(APP, T0.plusSeconds(60)).enqueued()).isEqualTo(2);
    }

    private void addOlder(int n) {
        for (int i = 0; i < n; i++) {
            int k = listing.size();
            listing.add(item("r" + k, T0.minusSeconds(3600L * (k + 1))));
        }
    }

    private void addNewest(String id) {
        listing.add(0, item(id, clock.instant().plusSeconds(listing.size())));
    }

    private static PageItem item(String id, Instant time) {
        return new PageItem(time, id, new ProviderReview.GooglePlay(new GooglePlayResources.Review(id, null, List.of())));
    }


    @Test
    void an_app_with_credentials_of_its_own_is_polled_with_the_client_of_those_credentials() {
        List<String> asked = new ArrayList<>();
        ReviewPoller byCredentials = new ReviewPoller((store, credentials) -> {
            asked.add(store.code() + "|" + credentials);
            return client;
        }, new CursorStore() {
            @Override
            public Cursor get(String key) {
                return new Cursor(key, null, null, null, null);
            }

            @Override
            public void put(Cursor cursor) {
            }
        }, new ReviewQueue() {
            @Override
            public String send(ReviewMessage message) {
                return "m";
            }

            @Override
            public void sendAll(List<ReviewMessage> messages) {
            }
        }, clock, m -> { });

        byCredentials.run(List.of(new ReviewPoller.Target(Store.GOOGLE_PLAY, "app", "hearken/googleplay-team-b"),
                new ReviewPoller.Target(Store.GOOGLE_PLAY, "app2")), clock.instant().plusSeconds(60));

        assertThat(asked).containsExactly("googleplay|hearken/googleplay-team-b", "googleplay|null");
    }

    @Test
    void with_one_client_per_store_an_app_with_credentials_of_its_own_fails_alone() {
        PollSummary summary = poller.run(List.of(new ReviewPoller.Target(Store.GOOGLE_PLAY, "app", "hearken/googleplay-b")),
                clock.instant().plusSeconds(60));

        assertThat(summary.apps()).singleElement()
                .satisfies(run -> assertThat(run.stop()).isEqualTo(PollSummary.Stop.FAILED));
    }
}
