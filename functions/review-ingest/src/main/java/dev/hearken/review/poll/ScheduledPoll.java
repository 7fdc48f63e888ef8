package dev.hearken.review.poll;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * One scheduled pull: every enabled app, within a time budget measured from the start of the run, so that the
 * function ends before its Lambda timeout and the next run continues from the stored cursors.
 */
public final class ScheduledPoll {

    private final ReviewPoller poller;
    private final Supplier<List<ReviewPoller.Target>> enabledApps;
    private final Duration budget;
    private final Clock clock;

    public ScheduledPoll(ReviewPoller poller, Supplier<List<ReviewPoller.Target>> enabledApps, Duration budget,
            Clock clock) {
        this.poller = poller;
        this.enabledApps = enabledApps;
        this.budget = budget;
        this.clock = clock;
    }

    public PollSummary run() {
        return poller.run(enabledApps.get(), clock.instant().plus(budget));
    }
}
