package dev.hearken.infra;

import dev.hearken.infra.contexts.AutoReply;
import dev.hearken.infra.contexts.Experiments;
import dev.hearken.infra.contexts.StackBase;
import dev.hearken.infra.contexts.PushSend;
import dev.hearken.infra.contexts.ReviewEscalate;
import dev.hearken.infra.contexts.ReviewIngest;
import dev.hearken.infra.contexts.TicketClassify;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.constructs.Construct;

/**
 * Everything Hearken runs on, in one stack: the {@link StackBase} (dashboard, HTTP API, mail identity) and
 * one bounded context per function family, each in {@code dev.hearken.infra.contexts} with its tables,
 * queues, functions, secrets, routes and triggers.
 *
 * <p>What one context shares with another is passed in explicitly: the experiment tables to auto-reply and
 * push-send, the auto-reply queue and the Zendesk secret from ticket-classify, review-ingest's worker as the
 * producer of escalations. The order of the contexts below is part of the template: it orders the
 * dashboard's rows and each role's policy statements, so a new context goes at the end (see the checklist
 * in {@code infra/cdk/README.md}).
 */
public final class HearkenStack extends Stack {

    /** Steady requests per second one public route accepts before API Gateway answers 429. */
    static final int PUBLIC_ROUTE_RATE_LIMIT = 250;
    /**
     * Burst of requests one public route accepts: a Zendesk trigger storm (a bulk update, an outage that
     * makes everyone write) or an AppFollow catch-up arrives as hundreds of deliveries at once.
     */
    static final int PUBLIC_ROUTE_BURST_LIMIT = 500;

    public HearkenStack(Construct scope, String id, StackProps props) {
        super(scope, id, props);
        StackBase platform = new StackBase(this);

        Experiments experiments = new Experiments(platform);
        TicketClassify tickets = new TicketClassify(platform);
        new AutoReply(platform, tickets.autoReplyQueue(), tickets.zendeskSecret(), experiments);
        ReviewIngest reviews = new ReviewIngest(platform, tickets.autoReplyQueue());
        new ReviewEscalate(platform, reviews.worker(), tickets.routingRules(), tickets.zendeskSecret());
        new PushSend(platform, experiments);
        experiments.administration(platform);
        tickets.operatorApi(platform);

        // Anyone on the internet can call a public route, and each call costs an invocation before the
        // function can refuse a bad signature or token, so the routes are throttled; the limits are sized for
        // bursts of real deliveries, not their average. A throttled delivery gets API Gateway's 429; what
        // Zendesk does then is in infra/cdk/RUNBOOK.md ("public-route 429s"). IAM routes keep the account's limits.
        platform.throttlePublicRoutes(PUBLIC_ROUTE_RATE_LIMIT, PUBLIC_ROUTE_BURST_LIMIT);
        // Last: it wires every alarm declared above to the one topic.
        platform.notifyAlarms();
    }
}
