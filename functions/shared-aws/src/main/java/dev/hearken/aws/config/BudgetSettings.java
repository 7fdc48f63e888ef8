package dev.hearken.aws.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The documented limit of each external account, shared by every function instance through
 * {@code dev.hearken.aws.budget.DynamoDbRateBudget}; written {@code <units>/<n><s|m|h|d>}. Defaults are the
 * contracts' figures ({@code ../shared/contracts/}); set the ones your plan raises
 * ({@code HEARKEN_BUDGETS_ZENDESK_REQUESTS=2500/1m} with Zendesk's High Volume add-on).
 */
@ConfigMapping(prefix = "hearken.budgets")
public interface BudgetSettings {

    /** Whether calls take from the shared budgets at all (off: each call goes straight to the provider). */
    @WithDefault("true")
    boolean enabled();

    /** Zendesk: API requests per account; per plan (Team 200, Growth/Professional 400, Enterprise 700 per minute). */
    @WithDefault("400/1m")
    String zendeskRequests();

    /** Zendesk: {@code PUT /api/v2/tickets/{id}} per account (zendesk.md §2: 100 per minute, 300 with High Volume). */
    @WithDefault("100/1m")
    String zendeskTicketUpdates();

    /** App Store Connect: requests per API key (appstoreconnect.md §2: a rolling hour of 3,600). */
    @WithDefault("3600/1h")
    String appstoreRequests();

    /** Google Play: review list/get per app (googleplay.md §4: 200 per hour). */
    @WithDefault("200/1h")
    String googleplayReviewReads();

    /** Google Play: review replies per app (googleplay.md §4: 2,000 per day). */
    @WithDefault("2000/1d")
    String googleplayReplies();

    /** FCM: messages per project (fcm.md §5: 600,000 per minute). */
    @WithDefault("600000/1m")
    String fcmMessages();
}
