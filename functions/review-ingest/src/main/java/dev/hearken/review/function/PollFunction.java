package dev.hearken.review.function;

import dev.hearken.review.poll.PollSummary;
import dev.hearken.review.poll.ScheduledPoll;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * review-ingest's scheduled pull (EventBridge rule, every 15 minutes): every enabled app of the {@code review-apps}
 * table, within the configured time budget. Never throws for a store failure — the next run retries — so
 * EventBridge's own retries do not double the load on a struggling store.
 */
public class PollFunction {

    private static final Logger LOG = Logger.getLogger(PollFunction.class);

    private final ScheduledPoll poll;

    @Inject
    PollFunction(ScheduledPoll poll) {
        this.poll = poll;
    }

    @Funq("poll")
    public PollSummary poll(ScheduleEvent event) {
        PollSummary summary = poll.run();
        summary.apps().forEach(r -> LOG.infof("poll %s/%s: %d pages, %d reviews enqueued, %s", r.store(), r.appId(),
                r.pages(), r.enqueued(), r.stop()));
        LOG.infof("poll run %s done: %d reviews enqueued", event == null ? "?" : event.id(), summary.enqueued());
        return summary;
    }
}
