package dev.hearken.review.aws;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.aws.admin.AdminCollection;
import dev.hearken.aws.admin.AuditTrail;
import dev.hearken.aws.admin.VersionedItems;
import dev.hearken.aws.config.TableNames;
import dev.hearken.review.config.ReviewSettings;
import dev.hearken.review.model.ReviewApp;
import dev.hearken.review.model.Store;
import dev.hearken.review.insight.ImpactService;
import dev.hearken.review.poll.ReviewPoller;
import dev.hearken.review.poll.ScheduledPoll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Wires the services behind the poll, insights and admin handlers to their adapters and the system clock (UTC).
 */
@ApplicationScoped
public class HandlerServices {

    @Produces
    @Singleton
    ImpactService impactService(DynamoDbImpactCounter counters) {
        return new ImpactService(counters, Clock.systemUTC());
    }

    @Produces
    @Singleton
    AuditTrail auditTrail(DynamoDbClient dynamo, TableNames tables, ObjectMapper json) {
        return new AuditTrail(dynamo, tables.audit(), json, Clock.systemUTC());
    }

    /** The apps as the operator API edits them; the poller and the worker read them through {@link DynamoDbApps}. */
    @Produces
    @Singleton
    AdminCollection reviewApps(DynamoDbClient dynamo, TableNames tables, ReviewSettings settings, AuditTrail audit) {
        ReviewAppSchema schema = new ReviewAppSchema(Map.of(Store.APP_STORE, settings.secrets().appstore(),
                Store.GOOGLE_PLAY, settings.secrets().googleplay()));
        return new AdminCollection(new VersionedItems(dynamo, tables.reviewApps(), schema.kind(), audit), schema, audit);
    }

    @Produces
    @Singleton
    ReviewDecisions reviewDecisions(DynamoDbClient dynamo, TableNames tables) {
        return new ReviewDecisions(dynamo, tables.reviews());
    }

    @Produces
    @Singleton
    ScheduledPoll scheduledPoll(ReviewPoller poller, DynamoDbApps apps, ReviewSettings settings) {
        return new ScheduledPoll(poller, () -> apps.all().stream().filter(ReviewApp::enabled)
                .map(a -> new ReviewPoller.Target(a.store(), a.appId(), a.credentials())).toList(),
                settings.poll().timeBudget(), Clock.systemUTC());
    }
}
