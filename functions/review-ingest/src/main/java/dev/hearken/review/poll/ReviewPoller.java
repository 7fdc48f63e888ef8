package dev.hearken.review.poll;

import dev.hearken.integration.RateLimitedException;
import dev.hearken.review.ingest.ReviewMessage;
import dev.hearken.review.ingest.ReviewQueue;
import dev.hearken.review.model.Store;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Pulls new reviews of every configured app from the stores' listing APIs, newest first, page by page until the
 * stored cursor — the newest review of the last completed sweep — and enqueues each for the worker.
 *
 * <p>A run has a time budget: when it runs out, a store answers 429 or says its quota is nearly spent, the position is saved and the next run
 * continues the same sweep where it stopped (after Retry-After); the cursor only moves when a sweep completes, so
 * nothing between the old cursor and the top is ever skipped. Reviews enqueued twice (a page re-read after a
 * failure, an edit moving a review to the top) are harmless: the worker's versioned upsert ignores re-deliveries.
 */
public final class ReviewPoller {

    /**
     * One configured app.
     *
     * @param credentials the secret the app's store calls sign with, or {@code null} for the store's default
     */
    public record Target(Store store, String appId, String credentials) {

        /** An app with the store's default credentials. */
        public Target(Store store, String appId) {
            this(store, appId, null);
        }
    }

    private final StoreClients clients;
    private final CursorStore cursors;
    private final ReviewQueue queue;
    private final Clock clock;
    private final Consumer<String> log;

    /** With one client per store, for apps without credentials of their own. */
    public ReviewPoller(Map<Store, StoreClient> clients, CursorStore cursors, ReviewQueue queue, Clock clock,
            Consumer<String> log) {
        this(defaultsOnly(Map.copyOf(clients)), cursors, queue, clock, log);
    }

    public ReviewPoller(StoreClients clients, CursorStore cursors, ReviewQueue queue, Clock clock,
            Consumer<String> log) {
        this.clients = clients;
        this.cursors = cursors;
        this.queue = queue;
        this.clock = clock;
        this.log = log;
    }

    private static StoreClients defaultsOnly(Map<Store, StoreClient> clients) {
        return (store, credentials) -> credentials == null ? clients.get(store) : null;
    }

    /** Polls every target until {@code deadline}. */
    public PollSummary run(List<Target> targets, Instant deadline) {
        List<PollSummary.AppRun> runs = new ArrayList<>();
        int total = 0;
        for (Target t : targets) {
            PollSummary.AppRun r;
            try {
                r = poll(t, deadline);
            } catch (RuntimeException e) {
                // The cursor is unchanged, so the next run retries; other apps still get their turn.
                log.accept("poll of " + t.store().code() + "/" + t.appId() + " failed: " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
                r = new PollSummary.AppRun(t.store().code(), t.appId(), 0, 0, PollSummary.Stop.FAILED);
            }
            runs.add(r);
            total += r.enqueued();
        }
        return new PollSummary(runs, total);
    }

    private PollSummary.AppRun poll(Target t, Instant deadline) {
        StoreClient client = clients.client(t.store(), t.credentials());
        if (client == null) {
            throw new IllegalStateException("no client for " + t.store().code()
                    + (t.credentials() == null ? "" : " with the app's own credentials"));
        }
        String key = t.store().code() + "#" + t.appId();
        Cursor cursor = cursors.get(key);
        Instant now = clock.instant();
        if (cursor.notBefore() != null && now.isBefore(cursor.notBefore())) {
            return new PollSummary.AppRun(t.store().code(), t.appId(), 0, 0, PollSummary.Stop.WAITING);
        }
        String position = cursor.resume();
        Position sweepTop = cursor.sweepTop();
        int pages = 0;
        int enqueued = 0;
        while (true) {
            if (!clock.instant().isBefore(deadline)) {
                cursors.put(new Cursor(key, cursor.newest(), position, sweepTop, null));
                return new PollSummary.AppRun(t.store().code(), t.appId(), pages, enqueued, PollSummary.Stop.BUDGET);
            }
            Page page;
            try {
                page = client.page(t.appId(), position);
            } catch (RateLimitedException e) {
                cursors.put(new Cursor(key, cursor.newest(), position, sweepTop, clock.instant().plus(e.retryAfter())));
                return new PollSummary.AppRun(t.store().code(), t.appId(), pages, enqueued, PollSummary.Stop.RATE_LIMITED);
            }
            pages++;
            List<ReviewMessage> batch = new ArrayList<>();
            boolean reached = false;
            for (PageItem item : page.items()) {
                if (cursor.newest() != null && !item.after(cursor.newest())) {
                    reached = true;
                    break;
                }
                batch.add(new ReviewMessage(t.appId(), item.review()));
                sweepTop = Position.latest(sweepTop, item.position());
            }
            queue.sendAll(batch);
            enqueued += batch.size();
            if (reached || page.next() == null) {
                cursors.put(new Cursor(key, Position.latest(cursor.newest(), sweepTop), null, null, null));
                return new PollSummary.AppRun(t.store().code(), t.appId(), pages, enqueued, PollSummary.Stop.CAUGHT_UP);
            }
            position = page.next();
            if (page.pauseAfter() != null) {
                // The quota is nearly spent: keep the rest for later rather than run into 429s.
                cursors.put(new Cursor(key, cursor.newest(), position, sweepTop, clock.instant().plus(page.pauseAfter())));
                return new PollSummary.AppRun(t.store().code(), t.appId(), pages, enqueued, PollSummary.Stop.RATE_LIMITED);
            }
        }
    }
}
