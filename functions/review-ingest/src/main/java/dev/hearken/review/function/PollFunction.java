package dev.hearken.review.function;

import dev.hearken.review.aws.DynamoDbApps;
import dev.hearken.review.config.ReviewSettings;
import dev.hearken.review.poll.PollSummary;
import dev.hearken.review.poll.ReviewPoller;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * review-ingest's scheduled pull (EventBridge rule, every 15 minutes): every enabled app of the {@code review-apps}
 * table, within the configured time budget. Never throws for a store failure — the next run retries — so
 * EventBridge's own retries do not double the load on a struggling store.
 */
public class PollFunction {

    private static final Logger LOG = Logger.getLogger(PollFunction.class);

    private final ReviewPoller poller;
    private final DynamoDbApps apps;
    private final ReviewSettings settings;

    @Inject
    PollFunction(ReviewPoller poller, DynamoDbApps apps, ReviewSettings settings) {
        this.poller = poller;
        this.apps = apps;
        this.settings = settings;
    }

    @Funq("poll")
    public PollSummary poll(ScheduleEvent event) {
        Instant deadline = Instant.now().plus(settings.poll().timeBudget());
        List<ReviewPoller.Target> targets = apps.all().stream().filter(DynamoDbApps.App::enabled)
                .map(a -> new ReviewPoller.Target(a.store(), a.appId())).toList();
        PollSummary summary = poller.run(targets, deadline);
        for (PollSummary.AppRun r : summary.apps()) {
            LOG.infof("poll %s/%s: %d pages, %d reviews enqueued, %s", r.store(), r.appId(), r.pages(), r.enqueued(), r.stop());
        }
        LOG.infof("poll run %s done: %d reviews enqueued", event == null ? "?" : event.id(), summary.enqueued());
        return summary;
    }
}
