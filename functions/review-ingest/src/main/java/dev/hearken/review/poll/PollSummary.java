package dev.hearken.review.poll;

import java.util.List;

/** What one scheduled run did, per app. */
public record PollSummary(List<AppRun> apps, int enqueued) {

    /** How a run ended for one app. */
    public enum Stop {
        /** Reached the stored cursor or the last page: caught up. */
        CAUGHT_UP,
        /** The time budget ran out: the next run resumes. */
        BUDGET,
        /** 429: the next run after Retry-After resumes. */
        RATE_LIMITED,
        /** Still inside a Retry-After window: not called. */
        WAITING,
        /** Any other failure (logged): the next run retries from the same position. */
        FAILED
    }

    /** One app's run. */
    public record AppRun(String store, String appId, int pages, int enqueued, Stop stop) {
    }
}
