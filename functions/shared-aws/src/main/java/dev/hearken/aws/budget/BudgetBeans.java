package dev.hearken.aws.budget;

import dev.hearken.aws.config.BudgetSettings;
import dev.hearken.aws.config.TableNames;
import dev.hearken.integration.RateBudget;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The one {@link RateBudget} of a function instance: the shared DynamoDB budgets with the documented limits of
 * {@link BudgetSettings}, or {@link RateBudget#UNLIMITED} when they are switched off. APNs has no budget: Apple
 * documents no rate for a topic (apns.md), only 429 for too many pushes to one device, which the push path
 * handles per device.
 */
@ApplicationScoped
public class BudgetBeans {

    @Produces
    @Singleton
    RateBudget rateBudget(DynamoDbClient dynamo, TableNames tables, BudgetSettings settings) {
        if (!settings.enabled()) {
            return RateBudget.UNLIMITED;
        }
        return new DynamoDbRateBudget(dynamo, tables.rateBudgets(), Clock.systemUTC(), Map.of(
                "zendesk.requests", DynamoDbRateBudget.Limit.parse(settings.zendeskRequests()),
                "zendesk.ticket-updates", DynamoDbRateBudget.Limit.parse(settings.zendeskTicketUpdates()),
                "appstore.requests", DynamoDbRateBudget.Limit.parse(settings.appstoreRequests()),
                "googleplay.review-reads", DynamoDbRateBudget.Limit.parse(settings.googleplayReviewReads()),
                "googleplay.replies", DynamoDbRateBudget.Limit.parse(settings.googleplayReplies()),
                "fcm.messages", DynamoDbRateBudget.Limit.parse(settings.fcmMessages())));
    }
}
