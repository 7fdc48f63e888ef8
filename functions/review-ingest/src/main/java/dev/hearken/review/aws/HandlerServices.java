package dev.hearken.review.aws;

import dev.hearken.review.config.ReviewSettings;
import dev.hearken.review.insight.ImpactService;
import dev.hearken.review.poll.ReviewPoller;
import dev.hearken.review.poll.ScheduledPoll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Wires the services behind the poll and insights handlers to their adapters and the system clock (UTC). */
@ApplicationScoped
public class HandlerServices {

    @Produces
    @Singleton
    ImpactService impactService(DynamoDbImpactCounter counters) {
        return new ImpactService(counters, Clock.systemUTC());
    }

    @Produces
    @Singleton
    ScheduledPoll scheduledPoll(ReviewPoller poller, DynamoDbApps apps, ReviewSettings settings) {
        return new ScheduledPoll(poller, () -> apps.all().stream().filter(DynamoDbApps.App::enabled)
                .map(a -> new ReviewPoller.Target(a.store(), a.appId())).toList(),
                settings.poll().timeBudget(), Clock.systemUTC());
    }
}
