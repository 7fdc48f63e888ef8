package dev.hearken.aws.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Physical names of the DynamoDB tables. In AWS the CDK stack sets them through environment
 * variables ({@code HEARKEN_TABLES_EXPERIMENTS}, …); the defaults are the names the stack gives
 * them with the default prefix, which is also what the local and test environments create.
 */
@ConfigMapping(prefix = "hearken.tables")
public interface TableNames {

    /** Experiment definitions, one item per experiment key. */
    @WithDefault("hearken-experiments")
    String experiments();

    /** First exposures, one item per (experiment key, user id). */
    @WithDefault("hearken-exposures")
    String exposures();

    // --- push-send -------------------------------------------------------------------------------

    /** User profiles for push: locale, time zone, quiet hours, opt-outs; one item per {@code userId}. */
    @WithDefault("hearken-push-users")
    String pushUsers();

    /** Registered devices: partition {@code userId}, sort {@code token}, with {@code platform}. */
    @WithDefault("hearken-push-devices")
    String pushDevices();

    /** Frequency-cap counters: partition {@code userId}, sort window ({@code d#2026-03-20}, {@code w#2026-W12}); TTL. */
    @WithDefault("hearken-push-caps")
    String pushCaps();

    /** Delivery records (sent, deferred, capped, opted-out, failed) by program and day; TTL. */
    @WithDefault("hearken-push-deliveries")
    String pushDeliveries();

    /** Idempotency ledger of push messages and campaign runs, one item per key; TTL. */
    @WithDefault("hearken-push-sends")
    String pushSends();

    /** Template catalogue: partition {@code templateId}, sort {@code locale}. */
    @WithDefault("hearken-push-templates")
    String pushTemplates();

    /** Campaign definitions, one item per {@code campaignId}. */
    @WithDefault("hearken-push-campaigns")
    String pushCampaigns();

    /** Segment membership: partition {@code segmentId}, sort {@code userId}. */
    @WithDefault("hearken-push-segments")
    String pushSegments();

    /** Review versions: partition {@code reviewKey} ({@code store#app#review}), sort {@code version} (content hash). */
    @WithDefault("hearken-reviews")
    String reviews();

    /** Poll positions per store and app: partition {@code cursorKey} ({@code store#app}). */
    @WithDefault("hearken-review-cursors")
    String reviewCursors();

    /**
     * Bug-impact counters and their reviewer markers: partition {@code impactKey} ({@code app#topic}), sort
     * {@code sk} ({@code C#day#version} counters, {@code M#day#version#reviewer} markers that expire).
     */
    @WithDefault("hearken-review-impact")
    String reviewImpact();

    /** Apps whose reviews are pulled, one item per store app id ({@code appId}, {@code store}, {@code name}). */
    @WithDefault("hearken-review-apps")
    String reviewApps();

    /** ticket-classify's decision log: one item per (ticket id, delivery), with a TTL. */
    @WithDefault("hearken-ticket-decisions")
    String ticketDecisions();

    /** Ticket routing rules, one item per rule id (seeded from {@code infra/seed/tables/routing-rules.json}). */
    @WithDefault("hearken-routing-rules")
    String routingRules();

    /** VIP users and organizations, one item per {@code vipKey} ({@code user:<id>}, {@code email:<address>}, {@code org:<id>}). */
    @WithDefault("hearken-vip")
    String vip();

    /**
     * Incremental experiment counters (first exposures, metric totals, ignored reasons) and per-user
     * metric totals; partition {@code experimentKey}, sort {@code sk}.
     */
    @WithDefault("hearken-experiment-aggregates")
    String experimentAggregates();

    /** Counted outcome events, one item per event id (idempotency), expiring after the retention. */
    @WithDefault("hearken-conversions")
    String conversions();

    /** Per program and day counters for the program overview; partition {@code program}, sort {@code day}. */
    @WithDefault("hearken-program-stats")
    String programStats();

    /**
     * The operator API's audit trail: one item per change, partition {@code entity} ({@code <kind>#<id>}), sort
     * {@code at}; index {@code byDay}; TTL {@code expiresAt} (400 days). See {@code dev.hearken.aws.admin.AuditTrail}.
     */
    @WithDefault("hearken-audit")
    String audit();

    /**
     * Shared rate budgets' counters: one item per (service, budget, account, 10-second window, shard), partition
     * {@code budgetKey}; TTL {@code expiresAt}. See {@code dev.hearken.aws.budget.DynamoDbRateBudget}.
     */
    @WithDefault("hearken-rate-budgets")
    String rateBudgets();
}
