package dev.hearken.infra.contexts;

import dev.hearken.infra.HearkenSettings.Channel;
import dev.hearken.infra.constructs.ConsumerOptions;
import dev.hearken.infra.constructs.DataTable;
import dev.hearken.infra.constructs.DataTableProps;
import dev.hearken.infra.constructs.DataTableProps.Key;
import dev.hearken.infra.constructs.HearkenFunction;
import dev.hearken.infra.constructs.HearkenFunctionProps;
import dev.hearken.infra.constructs.WorkerQueue;
import dev.hearken.infra.constructs.WorkerQueueProps;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.services.apigatewayv2.HttpMethod;
import software.amazon.awscdk.services.events.EventPattern;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.targets.LambdaFunction;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.scheduler.CfnScheduleGroup;
import software.amazon.awscdk.services.sqs.Queue;

/**
 * CRM push with caps, quiet hours and priorities, and campaign fan-out. One artifact
 * ({@code functions/push-send}): push-send consumes the push queue (app backend and campaign messages, format
 * in {@code dev.hearken.push.message.PushMessage}), push-campaign fans a due campaign out onto it, and the
 * e-mail channel ({@link PushMail}) adds mail-unsubscribe and mail-feedback, and app-api is the app backend's API
 * over devices, profiles and erasing a user. Item shapes:
 * {@code functions/push-send/README.md}.
 *
 * <p>Messages may be experiments (grants on {@link Experiments}' tables), and every send adds to the program
 * overview counters in {@link Experiments#programStats()}.
 */
public final class PushSend {

    /** @param experiments the experiment tables and the program counters */
    public PushSend(StackBase platform, Experiments experiments) {
        DataTable users = platform.table(DataTableProps.builder("push-users", Key.string("userId")).build());
        DataTable devices = platform.table(DataTableProps.builder("push-devices", Key.string("userId"))
                .sortKey(Key.string("token"))
                .build());
        DataTable caps = platform.table(DataTableProps.builder("push-caps", Key.string("userId"))
                .sortKey(Key.string("window"))
                .ttlAttribute("expiresAt")
                .build());
        DataTable deliveries = platform.table(DataTableProps.builder("push-deliveries", Key.string("pk"))
                .sortKey(Key.string("sk"))
                .ttlAttribute("expiresAt")
                // a user's delivery records, for erasing the user (app-api); keys only: found, then deleted
                .keysOnlyIndex(Experiments.BY_USER, Key.string("userId"))
                .build());
        DataTable sends = platform.table(DataTableProps.builder("push-sends", Key.string("idempotencyKey"))
                .ttlAttribute("expiresAt")
                .build());
        DataTable templates = platform.table(DataTableProps.builder("push-templates", Key.string("templateId"))
                .sortKey(Key.string("locale"))
                .build());
        DataTable campaigns = platform.table(DataTableProps.builder("push-campaigns", Key.string("campaignId")).build());
        DataTable segments = platform.table(DataTableProps.builder("push-segments", Key.string("segmentId"))
                .sortKey(Key.string("userId"))
                .keysOnlyIndex(Experiments.BY_USER, Key.string("userId")) // a user's segments, for erasing the user
                .build());
        // No value in the template: an operator puts the FCM service-account JSON and the APNs key. Not declared
        // when push is disabled (hearken:channels): nothing to put.
        boolean pushes = platform.settings().enabled(Channel.PUSH);
        NamedSecret fcmSecret = !pushes ? null : platform.secret("FcmSecret", "fcm",
                "FCM service-account key file (JSON: project_id, client_email, private_key, private_key_id, token_uri)");
        NamedSecret apnsSecret = !pushes ? null : platform.secret("ApnsSecret", "apns",
                "APNs token-auth key (JSON: teamId, keyId, privateKey as PKCS#8 PEM, topic)");
        HearkenFunction worker = platform.function(HearkenFunctionProps.builder("push-send")
                .export("send")
                // Memory buys CPU for TLS and JSON; a record waits mostly on FCM/APNs.
                .memoryMb(1024)
                .timeout(Duration.ofSeconds(30))
                .build());
        HearkenFunction campaign = platform.function(HearkenFunctionProps.builder("push-campaign")
                .module("functions/push-send")
                .export("campaign")
                .memoryMb(1024)
                // The run saves its cursor and stops after hearken.push.campaign.budget (12 min).
                .timeout(Duration.ofMinutes(15))
                .build());
        WorkerQueue push = platform.queue(WorkerQueueProps.builder("push", worker.timeout()).build());
        // 100 records per invocation, gathered for up to 1 s: the worker runs a batch's records at the same
        // time (hearken.push.worker.max-in-flight, 100), so a bigger batch is more sends per instance, not a
        // longer invocation (functions/push-send/README.md, "Measured").
        push.consumer(worker, ConsumerOptions.builder().batchSize(100).maxBatchingWindow(Duration.ofSeconds(1))
                .maxConcurrency(20).build());
        push.grantSend(campaign);
        // The worker re-enqueues deferred messages (quiet hours, notBefore) and rate-limited ones with a delay, and
        // sends a message a provider rejects as invalid straight to the DLQ with the reason as an attribute.
        push.redeliveredBy(worker);
        users.grant(worker, "dynamodb:GetItem");
        devices.grant(worker, "dynamodb:Query", "dynamodb:DeleteItem");
        // Caps: one conditional UpdateItem per window on push-caps, then a mark on the ledger (push-sends).
        caps.grant(worker, "dynamodb:UpdateItem");
        sends.grant(worker, "dynamodb:UpdateItem", "dynamodb:GetItem");
        deliveries.grant(worker, "dynamodb:PutItem");
        templates.grant(worker, "dynamodb:Query");
        experiments.experiments().grantRead(worker);
        experiments.exposures().grant(worker, "dynamodb:PutItem", "dynamodb:GetItem", "dynamodb:Query");
        campaigns.grant(campaign, "dynamodb:GetItem");
        segments.grant(campaign, "dynamodb:Query");
        sends.grant(campaign, "dynamodb:UpdateItem");
        campaign.function().addToRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("events:PutEvents"))
                .resources(List.of(platform.arn("events", "event-bus/default")))
                .build());
        if (pushes) {
            fcmSecret.grantRead(worker, "HEARKEN_PUSH_FCM_SECRET_ID");
            apnsSecret.grantRead(worker, "HEARKEN_PUSH_APNS_SECRET_ID");
        }
        if (platform.settings().enabled(Channel.EMAIL)) {
            new PushMail(platform, worker, users);
        }
        // Program overview counters (sends, deliveries, capped, deferred, ...): one ADD per message.
        experiments.programStats().grant(worker, "dynamodb:UpdateItem");
        deferrals(platform, worker, push);
        CampaignSchedules schedules = campaignTriggers(platform, campaign);
        admin(platform, templates, campaigns, segments, sends, schedules);
        appApi(platform, experiments, users, devices, caps, deliveries, segments);
    }

    /** The campaigns' schedule group and the role its schedules put events with. */
    private record CampaignSchedules(CfnScheduleGroup group, Role role) {}

    /**
     * push-admin, the operator API of this context ({@code functions/push-send}, export {@code admin}):
     * {@code /admin/push-templates/{templateId}/{locale}}, {@code /admin/campaigns/{campaignId}} with its actions
     * {@code schedule}, {@code pause}, {@code cancel}, and {@code /admin/segments/{segmentId}} with its members, all
     * IAM-authorised. It writes the three tables (and the audit trail), reads the campaign runs' progress in the
     * ledger, and manages the campaigns' one-time schedules: create, update and delete in the campaigns' group only,
     * passing only the campaign scheduler role, only to Scheduler.
     */
    private static void admin(StackBase platform, DataTable templates, DataTable campaigns, DataTable segments,
            DataTable sends, CampaignSchedules schedules) {
        HearkenFunction admin = platform.function(HearkenFunctionProps.builder("push-admin")
                .module("functions/push-send")
                .export("admin")
                // A batch of 1,000 members is 1,000 audited writes, 16 at a time (≈ 2-3 s in DynamoDB); the HTTP
                // API gives an integration 30 s at most.
                .memoryMb(1024)
                .timeout(Duration.ofSeconds(29))
                .build());
        platform.administers(admin, templates, campaigns, segments);
        sends.grant(admin, "dynamodb:GetItem");
        platform.adminCollection(admin, "/admin/push-templates", "templateId", "locale");
        platform.adminCollection(admin, "/admin/campaigns", "campaignId");
        for (String action : List.of("schedule", "pause", "cancel")) {
            platform.route(HttpMethod.POST, "/admin/campaigns/{campaignId}/" + action, admin);
        }
        // Segments: no list route (definitions share the table with the members), see SegmentAdmin.
        String segment = "/admin/segments/{segmentId}";
        String member = segment + "/members/{userId}";
        platform.route(HttpMethod.GET, segment, admin);
        platform.route(HttpMethod.PUT, segment, admin);
        platform.route(HttpMethod.DELETE, segment, admin);
        platform.route(HttpMethod.GET, segment + "/history", admin);
        platform.route(HttpMethod.POST, segment + "/members", admin);
        platform.route(HttpMethod.PUT, member, admin);
        platform.route(HttpMethod.DELETE, member, admin);
        platform.route(HttpMethod.GET, member + "/history", admin);
        String group = schedules.group().getName();
        admin.function().addToRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("scheduler:CreateSchedule", "scheduler:UpdateSchedule", "scheduler:DeleteSchedule"))
                .resources(List.of(platform.arn("scheduler", "schedule/" + group + "/*")))
                .build());
        admin.function().addToRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("iam:PassRole"))
                .resources(List.of(schedules.role().getRoleArn()))
                .conditions(Map.of("StringEquals", Map.of("iam:PassedToService", "scheduler.amazonaws.com")))
                .build());
        admin.addEnvironment("HEARKEN_PUSH_ADMIN_CAMPAIGN_SCHEDULE_GROUP", group);
        admin.addEnvironment("HEARKEN_PUSH_ADMIN_CAMPAIGN_SCHEDULER_ROLE_ARN", schedules.role().getRoleArn());
        admin.addEnvironment("HEARKEN_PUSH_ADMIN_CAMPAIGN_EVENT_BUS_ARN", platform.arn("events", "event-bus/default"));
        admin.function().getNode().addDependency(schedules.group());
    }

    /**
     * The app backend's API (function app-api, export {@code app}): devices, profiles and erasing a user, on routes
     * only signed AWS callers reach (the app backend's role). It writes the items push-send reads; the erasure may
     * query and delete exactly the tables that hold a user under the user id, and nothing else of theirs.
     */
    private static void appApi(StackBase platform, Experiments experiments, DataTable users, DataTable devices,
            DataTable caps, DataTable deliveries, DataTable segments) {
        HearkenFunction app = platform.function(HearkenFunctionProps.builder("app-api")
                .module("functions/push-send")
                .export("app")
                // An erasure deletes item by item: a user with months of delivery records takes a few seconds.
                .timeout(Duration.ofSeconds(60))
                .build());
        platform.route(HttpMethod.PUT, "/users/{userId}/devices/{token}", app);
        platform.route(HttpMethod.DELETE, "/users/{userId}/devices/{token}", app);
        platform.route(HttpMethod.GET, "/users/{userId}/devices", app);
        platform.route(HttpMethod.PUT, "/users/{userId}/profile", app);
        platform.route(HttpMethod.GET, "/users/{userId}/profile", app);
        platform.route(HttpMethod.DELETE, "/users/{userId}", app);
        devices.grant(app, "dynamodb:UpdateItem", "dynamodb:Query", "dynamodb:DeleteItem");
        users.grant(app, "dynamodb:GetItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem");
        caps.grant(app, "dynamodb:Query", "dynamodb:DeleteItem");
        // the tables keyed otherwise: their byUser index is queried, their items deleted by the table's key
        for (DataTable byUser : List.of(deliveries, segments, experiments.exposures(), experiments.conversions())) {
            byUser.grantWithIndexes(app, "dynamodb:Query");
            byUser.grant(app, "dynamodb:DeleteItem");
        }
        experiments.aggregates().grant(app, "dynamodb:DeleteItem"); // the user's totals, by key
    }

    /**
     * Deferrals longer than one SQS delay (15 min: a night of quiet hours, a distant notBefore) are
     * one-time schedules that push-send creates in their own group; each sends its message back to the
     * push queue, with a role that may do only that and that only schedules of this group can assume.
     * push-send may create schedules in this group and pass this role, nothing else of Scheduler's.
     */
    private static void deferrals(StackBase platform, HearkenFunction worker, WorkerQueue push) {
        String group = platform.settings().physicalName("push-deferrals");
        CfnScheduleGroup schedules = CfnScheduleGroup.Builder.create(platform.scope(), "PushDeferralSchedules")
                .name(group)
                .build();
        Role role = Role.Builder.create(platform.scope(), "PushDeferralSchedulerRole")
                .assumedBy(new ServicePrincipal("scheduler.amazonaws.com").withConditions(new TreeMap<>(Map.of(
                        // sorted, so that the template is the same byte for byte on every build (Map.of's order is not);
                        // only schedules of this account and group may assume it (confused deputy; "Set up the execution role",
                        // https://docs.aws.amazon.com/scheduler/latest/UserGuide/setting-up.html)
                        "StringEquals", Map.of("aws:SourceAccount", platform.scope().getAccount()),
                        "ArnEquals", Map.of("aws:SourceArn", schedules.getAttrArn())))))
                .description("Lets push-send's deferral schedules send their message back to the push queue")
                .build();
        role.addToPolicy(PolicyStatement.Builder.create()
                .actions(List.of("sqs:SendMessage"))
                .resources(List.of(push.queue().getQueueArn()))
                .build());
        worker.function().addToRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("scheduler:CreateSchedule"))
                .resources(List.of(platform.arn("scheduler", "schedule/" + group + "/*")))
                .build());
        worker.function().addToRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("iam:PassRole"))
                .resources(List.of(role.getRoleArn()))
                .conditions(Map.of("StringEquals", Map.of("iam:PassedToService", "scheduler.amazonaws.com")))
                .build());
        worker.addEnvironment("HEARKEN_PUSH_DEFERRALS_ENABLED", "true");
        worker.addEnvironment("HEARKEN_PUSH_DEFERRALS_GROUP", group);
        worker.addEnvironment("HEARKEN_PUSH_DEFERRALS_ROLE_ARN", role.getRoleArn());
        worker.addEnvironment("HEARKEN_PUSH_DEFERRALS_QUEUE_ARN", push.queue().getQueueArn());
        // The group exists before the worker runs, so a first night's deferrals are not refused for want of it.
        worker.function().getNode().addDependency(schedules);
        deferralDeadLetters(platform, worker, role);
    }

    /**
     * Where a deferral goes when Scheduler cannot deliver it (the push queue refuses, the role is broken)
     * after its retry policy, instead of being dropped: {@code <prefix>-push-deferrals-dlq}, set on each
     * schedule's target by push-send ({@code HEARKEN_PUSH_DEFERRALS_DEAD_LETTER_ARN}). Scheduler sends there
     * with the schedule's execution role, so that role may send to it too. Its messages are push messages:
     * {@code make redrive QUEUE=push-deferrals-dlq TO=push} moves them to the push queue.
     */
    private static void deferralDeadLetters(StackBase platform, HearkenFunction worker, Role schedulerRole) {
        Queue deadLetters = platform.deadLetterQueue("push-deferrals", "push deferrals Scheduler could not deliver");
        schedulerRole.addToPolicy(PolicyStatement.Builder.create()
                .actions(List.of("sqs:SendMessage"))
                .resources(List.of(deadLetters.getQueueArn()))
                .build());
        worker.addEnvironment("HEARKEN_PUSH_DEFERRALS_DEAD_LETTER_ARN", deadLetters.getQueueArn());
    }

    /**
     * Campaigns start with a "Campaign Scheduled" event on the default bus, put by a one-time EventBridge
     * Scheduler schedule (group {@code <prefix>-campaigns}, role below) or by the app backend. A run that
     * outlives one invocation's budget hands itself over with a "Campaign Continued" event (detail:
     * campaignId, runId, hop) that push-campaign puts on the same bus.
     */
    private static CampaignSchedules campaignTriggers(StackBase platform, HearkenFunction campaign) {
        Rule.Builder.create(platform.scope(), "PushCampaignRule")
                .ruleName(platform.settings().physicalName("push-campaign-scheduled"))
                .description("Starts a campaign run of push-campaign")
                .eventPattern(EventPattern.builder()
                        .source(List.of("hearken.campaigns"))
                        .detailType(List.of("Campaign Scheduled", "Campaign Continued"))
                        .build())
                .targets(List.of(LambdaFunction.Builder.create(campaign.function()).retryAttempts(3).build()))
                .build();
        CfnScheduleGroup group = CfnScheduleGroup.Builder.create(platform.scope(), "PushCampaignSchedules")
                .name(platform.settings().physicalName("campaigns"))
                .build();
        Role role = Role.Builder.create(platform.scope(), "PushCampaignSchedulerRole")
                .assumedBy(new ServicePrincipal("scheduler.amazonaws.com").withConditions(new TreeMap<>(Map.of(
                        // as the deferral role: only schedules of this account and group may assume it (confused deputy)
                        "StringEquals", Map.of("aws:SourceAccount", platform.scope().getAccount()),
                        "ArnEquals", Map.of("aws:SourceArn", group.getAttrArn())))))
                .description("Lets campaign schedules put Campaign Scheduled events on the default bus")
                .build();
        role.addToPolicy(PolicyStatement.Builder.create()
                .actions(List.of("events:PutEvents"))
                .resources(List.of(platform.arn("events", "event-bus/default")))
                .build());
        return new CampaignSchedules(group, role);
    }
}
