package dev.hearken.infra;

import dev.hearken.infra.constructs.ConsumerOptions;
import dev.hearken.infra.constructs.DataTable;
import dev.hearken.infra.constructs.DataTableProps;
import dev.hearken.infra.constructs.DataTableProps.Key;
import dev.hearken.infra.constructs.ConsumerOptions;
import dev.hearken.infra.constructs.HearkenFunction;
import dev.hearken.infra.constructs.HearkenFunctionProps;
import dev.hearken.infra.constructs.Monitoring;
import dev.hearken.infra.constructs.WorkerQueue;
import dev.hearken.infra.constructs.WorkerQueueProps;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.HttpIamAuthorizer;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegration;
import software.amazon.awscdk.services.apigatewayv2.CfnRoute;
import software.amazon.awscdk.services.apigatewayv2.CfnStage;
import software.amazon.awscdk.services.apigatewayv2.HttpNoneAuthorizer;
import software.amazon.awscdk.services.apigatewayv2.HttpRoute;
import software.amazon.awscdk.services.apigatewayv2.IHttpRouteAuthorizer;
import software.amazon.awscdk.services.apigatewayv2.AddRoutesOptions;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.apigatewayv2.HttpMethod;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.Schedule;
import software.amazon.awscdk.services.events.targets.LambdaFunction;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.secretsmanager.SecretStringGenerator;
import software.amazon.awscdk.services.events.EventPattern;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.scheduler.CfnScheduleGroup;
import software.amazon.awscdk.services.ses.ConfigurationSet;
import software.amazon.awscdk.services.ses.ConfigurationSetEventDestinationOptions;
import software.amazon.awscdk.services.ses.EmailIdentity;
import software.amazon.awscdk.services.ses.EmailSendingEvent;
import software.amazon.awscdk.services.ses.EventDestination;
import software.amazon.awscdk.services.ses.Identity;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.SqsSubscription;
import software.constructs.Construct;

/**
 * Everything Hearken runs on, in one stack: tables, queues, functions, their triggers and the
 * dashboard.
 *
 * <p>Each resource is one call — {@link #table}, {@link #queue}, {@link #function}, {@link #route} —
 * followed by the grants and triggers that connect it; a new function is a new paragraph in the
 * constructor (see the checklist in {@code infra/cdk/README.md}).
 */
public final class HearkenStack extends Stack {

    private final HearkenSettings settings;
    private final Monitoring monitoring;
    private final HttpApi httpApi;
    private final Map<HearkenFunction, HttpLambdaIntegration> integrations = new HashMap<>();
    private EmailIdentity mailIdentity;
    /** Public routes by route key ({@code POST /webhooks/zendesk}), throttled at the stage. */
    private final Map<String, CfnRoute> publicRoutes = new LinkedHashMap<>();

    public HearkenStack(Construct scope, String id, StackProps props) {
        super(scope, id, props);
        this.settings = HearkenSettings.of(this);
        this.monitoring = new Monitoring(this, "Monitoring");
        this.httpApi = HttpApi.Builder.create(this, "HttpApi")
                .apiName(settings.physicalName("http"))
                .description("Hearken webhooks and APIs")
                .build();
        monitoring.watch(httpApi, "http-api");
        CfnOutput.Builder.create(this, "HttpApiUrl")
                .description("Base URL of the HTTP API")
                .value(httpApi.getApiEndpoint())
                .build();

        // --- Tables ---------------------------------------------------------------------------
        DataTable experiments = table(DataTableProps.builder("experiments", Key.string("experimentKey"))
                .build());
        DataTable exposures = table(DataTableProps.builder("exposures", Key.string("experimentKey"))
                .sortKey(Key.string("userId"))
                .ttlAttribute("expiresAt")
                .build());

        // --- experiment-assign: assigns variants over HTTP and records first exposures -----------
        HearkenFunction experimentAssign = function(HearkenFunctionProps.builder("experiment-assign")
                .export("assign")
                .build());
        experiments.grantRead(experimentAssign);
        exposures.grant(experimentAssign, "dynamodb:PutItem", "dynamodb:GetItem", "dynamodb:Query");
        route(HttpMethod.POST, "/experiments/{key}/assignments", experimentAssign);
        route(HttpMethod.POST, "/assignments", experimentAssign);

        // --- experiment results (#10): outcome events in, results, rollouts and program overview out ---
        // Both functions run the experiment-assign artifact with another @Funq export. Counters are
        // atomic ADDs in experiment-aggregates, so a result is one Query whatever the traffic;
        // conversions remembers event ids (35 days) so a redelivered event is never counted twice;
        // program-stats holds per program and day counters (push-send, #7, adds sends/deliveries/caps/
        // deferrals there). DynamoDB transactions need exactly the item actions they contain.
        DataTable aggregates = table(DataTableProps.builder("experiment-aggregates", Key.string("experimentKey"))
                .sortKey(Key.string("sk"))
                .ttlAttribute("expiresAt") // only the per-user running totals expire; counters have no expiresAt
                .build());
        DataTable conversions = table(DataTableProps.builder("conversions", Key.string("eventId"))
                .ttlAttribute("expiresAt")
                .build());
        DataTable programStats = table(DataTableProps.builder("program-stats", Key.string("program"))
                .sortKey(Key.string("day"))
                .build());
        aggregates.grant(experimentAssign, "dynamodb:UpdateItem"); // counts first exposures

        HearkenFunction experimentResults = function(HearkenFunctionProps.builder("experiment-results")
                .module("functions/experiment-assign")
                .export("results")
                .build());
        experiments.grant(experimentResults, "dynamodb:Scan", "dynamodb:GetItem", "dynamodb:UpdateItem");
        exposures.grant(experimentResults, "dynamodb:GetItem");
        aggregates.grant(experimentResults, "dynamodb:Query", "dynamodb:GetItem", "dynamodb:UpdateItem");
        conversions.grant(experimentResults, "dynamodb:PutItem", "dynamodb:GetItem");
        programStats.grant(experimentResults, "dynamodb:Query", "dynamodb:UpdateItem");
        route(HttpMethod.GET, "/experiments/{key}/results", experimentResults);
        route(HttpMethod.POST, "/experiments/{key}/rollout", experimentResults);
        route(HttpMethod.POST, "/conversions", experimentResults);
        route(HttpMethod.GET, "/programs/{program}/overview", experimentResults);

        HearkenFunction experimentConversions = function(HearkenFunctionProps.builder("experiment-conversions")
                .module("functions/experiment-assign")
                .export("conversions")
                .build());
        experiments.grant(experimentConversions, "dynamodb:Scan");
        exposures.grant(experimentConversions, "dynamodb:GetItem");
        aggregates.grant(experimentConversions, "dynamodb:GetItem", "dynamodb:UpdateItem");
        conversions.grant(experimentConversions, "dynamodb:PutItem", "dynamodb:GetItem");
        programStats.grant(experimentConversions, "dynamodb:UpdateItem");
        queue(WorkerQueueProps.builder("conversions", experimentConversions.timeout()).build())
                .consumer(experimentConversions, ConsumerOptions.builder().batchSize(10).maxConcurrency(5).build());

        // --- ticket-classify: Zendesk webhook → tickets queue → classify, route, hand to auto-reply ---
        // One artifact (functions/ticket-classify), two functions: the webhook only verifies and
        // enqueues (fast 202), the worker does the slow part behind the queue.
        DataTable ticketDecisions = table(DataTableProps.builder("ticket-decisions", Key.string("ticketId"))
                .sortKey(Key.string("eventKey"))
                .ttlAttribute("expiresAt")
                .build());
        DataTable routingRules = table(DataTableProps.builder("routing-rules", Key.string("ruleId")).build());
        DataTable vip = table(DataTableProps.builder("vip", Key.string("vipKey")).build());
        // Webhook signing secret and API credentials, as one JSON object. No value is in the template:
        // CloudFormation generates a throwaway signing secret and empty credentials, an operator puts
        // Zendesk's real ones (see functions/ticket-classify/README.md).
        String zendeskSecretName = settings.prefix() + "/zendesk";
        Secret zendeskSecret = Secret.Builder.create(this, "ZendeskSecret")
                .secretName(zendeskSecretName)
                .description("Zendesk webhook signing secret and API token (JSON: webhookSigningSecret, apiEmail, apiToken)")
                .generateSecretString(SecretStringGenerator.builder()
                        .secretStringTemplate("{\"apiEmail\":\"\",\"apiToken\":\"\"}")
                        .generateStringKey("webhookSigningSecret")
                        .excludePunctuation(true)
                        .build())
                .build();
        HearkenFunction ticketWebhook = function(HearkenFunctionProps.builder("ticket-webhook")
                .module("functions/ticket-classify")
                .export("webhook")
                .build());
        HearkenFunction ticketClassify = function(HearkenFunctionProps.builder("ticket-classify")
                .export("classify")
                // ~130 MB of language models, and memory buys the CPU their loading needs.
                .memoryMb(1024)
                .timeout(Duration.ofSeconds(30))
                .build());
        WorkerQueue tickets = queue(WorkerQueueProps.builder("tickets", ticketClassify.timeout()).build());
        tickets.grantSend(ticketWebhook);
        tickets.consumer(ticketClassify, ConsumerOptions.builder().batchSize(10).maxConcurrency(5).build());
        // The worker returns a rate-limited record by changing its visibility (needs the URL; the
        // event source already grants sqs:ChangeMessageVisibility).
        ticketClassify.addEnvironment(tickets.environmentVariable(), tickets.queue().getQueueUrl());
        // Consumed by auto-reply (its own issue); until then sized for a 30 s consumer.
        WorkerQueue autoReply = queue(WorkerQueueProps.builder("auto-reply", AUTO_REPLY_TIMEOUT).build());
        autoReply.grantSend(ticketClassify);
        for (HearkenFunction f : List.of(ticketWebhook, ticketClassify)) {
            // Only GetSecretValue: Secret.grantRead would add DescribeSecret, which the code never calls.
            f.function().addToRolePolicy(PolicyStatement.Builder.create()
                    .actions(List.of("secretsmanager:GetSecretValue"))
                    .resources(List.of(zendeskSecret.getSecretArn()))
                    .build());
            f.addEnvironment("HEARKEN_ZENDESK_SECRET_ID", zendeskSecretName);
        }
        ticketDecisions.grant(ticketClassify, "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem");
        routingRules.grantRead(ticketClassify);
        vip.grant(ticketClassify, "dynamodb:GetItem", "dynamodb:BatchGetItem");
        webhook("/webhooks/zendesk", ticketWebhook);

        // --- auto-reply (#6): auto-reply queue → canned answer in the user's language, at most once ---
        // Consumes the queue declared with ticket-classify (review-ingest also produces to it). Templates
        // are data (seeded from infra/seed/tables/reply-templates.json); replies holds one claim/outcome
        // per request id (the exactly-once memory, expiring after two years); reply-caps holds per-day
        // counters (Google Play allows 2,000 replies/day/app). Template variants can be experiments.
        DataTable replyTemplates = table(DataTableProps.builder("reply-templates", Key.string("templateKey"))
                .sortKey(Key.string("language"))
                .build());
        DataTable replies = table(DataTableProps.builder("replies", Key.string("requestId"))
                .ttlAttribute("expiresAt")
                .build());
        DataTable replyCaps = table(DataTableProps.builder("reply-caps", Key.string("capKey"))
                .ttlAttribute("expiresAt")
                .build());
        // Mail that came in outside Zendesk, one item per inbound message (dev.hearken.reply.InboundMail):
        // the queue carries only the message id, the address and headers live here. Written by the
        // inbound-mail producer (an SES receiving rule; not part of this stack yet), read and marked
        // "auto-replied" by auto-reply; items expire with the producer's retention.
        DataTable inboundMail = table(DataTableProps.builder("inbound-mail", Key.string("messageId"))
                .ttlAttribute("expiresAt")
                .build());
        HearkenFunction autoReplyWorker = function(HearkenFunctionProps.builder("auto-reply")
                .export("reply")
                .timeout(AUTO_REPLY_TIMEOUT)
                .build());
        // Small batches and two concurrent pollers: Zendesk allows 100 ticket updates/min per account.
        autoReply.consumer(autoReplyWorker, ConsumerOptions.builder().batchSize(5).maxConcurrency(2).build());
        // A rate-limited record is returned by changing its visibility (the event source grants the action).
        autoReplyWorker.addEnvironment(autoReply.environmentVariable(), autoReply.queue().getQueueUrl());
        // A request a channel can never accept (4xx) goes straight to the DLQ with its reason as an attribute.
        autoReply.deadLetterQueue().grantSendMessages(autoReplyWorker.function());
        autoReplyWorker.addEnvironment("HEARKEN_QUEUES_AUTO_REPLY_DLQ", autoReply.deadLetterQueue().getQueueUrl());
        replyTemplates.grant(autoReplyWorker, "dynamodb:GetItem");
        replies.grant(autoReplyWorker, "dynamodb:PutItem", "dynamodb:GetItem", "dynamodb:UpdateItem",
                "dynamodb:DeleteItem");
        replyCaps.grant(autoReplyWorker, "dynamodb:UpdateItem");
        // Read the inbound message, then mark it answered (or flag it for a person) with a conditional update.
        inboundMail.grant(autoReplyWorker, "dynamodb:GetItem", "dynamodb:UpdateItem");
        // Tickets that came by e-mail outside Zendesk are answered by e-mail; replies reach support.
        sendsMail(autoReplyWorker, "support");
        experiments.grantRead(autoReplyWorker);
        exposures.grant(autoReplyWorker, "dynamodb:PutItem", "dynamodb:GetItem", "dynamodb:Query");
        aggregates.grant(autoReplyWorker, "dynamodb:UpdateItem"); // the library counts first exposures
        autoReplyWorker.function().addToRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("secretsmanager:GetSecretValue"))
                .resources(List.of(zendeskSecret.getSecretArn()))
                .build());
        autoReplyWorker.addEnvironment("HEARKEN_ZENDESK_SECRET_ID", zendeskSecretName);
        // The store keys are declared with review-ingest; referenced by name here, which grants the
        // secret's partial ARN (the name plus the 6-character suffix Secrets Manager adds).
        for (String store : List.of("appstore", "googleplay")) {
            autoReplyWorker.function().addToRolePolicy(PolicyStatement.Builder.create()
                    .actions(List.of("secretsmanager:GetSecretValue"))
                    .resources(List.of(Secret.fromSecretNameV2(this, "AutoReply" + pascal(store) + "Secret",
                            settings.prefix() + "/" + store).getSecretArn() + "-??????"))
                    .build());
        }
        autoReplyWorker.addEnvironment("HEARKEN_AUTO_REPLY_APP_STORE_SECRET_ID", settings.prefix() + "/appstore");
        autoReplyWorker.addEnvironment("HEARKEN_AUTO_REPLY_GOOGLE_PLAY_SECRET_ID", settings.prefix() + "/googleplay");

        // --- review-ingest: app-store reviews → reviews queue → normalise, store, analyse, count, offer replies ---
        // One artifact (functions/review-ingest), one function per export: the AppFollow webhook only enqueues
        // (fast 202), the worker does the slow part (understanding models) behind the reviews queue, insights
        // answers the bug-impact query, the poller pulls both stores every 15 minutes. Secrets carry no value
        // in the template: an operator puts the store keys and the AppFollow token; the reviewer pseudonymisation
        // key is generated and never leaves AWS.
        DataTable reviews = table(DataTableProps.builder("reviews", Key.string("reviewKey"))
                .sortKey(Key.string("version"))
                .build());
        DataTable reviewCursors = table(DataTableProps.builder("review-cursors", Key.string("cursorKey")).build());
        DataTable reviewImpact = table(DataTableProps.builder("review-impact", Key.string("impactKey"))
                .sortKey(Key.string("sk"))
                .ttlAttribute("expiresAt") // only the reviewer markers expire; counters have no expiresAt
                .build());
        DataTable reviewApps = table(DataTableProps.builder("review-apps", Key.string("appId")).build());
        Secret appStoreSecret = Secret.Builder.create(this, "AppStoreSecret")
                .secretName(settings.prefix() + "/appstore")
                .description("App Store Connect team API key (JSON: issuerId, keyId, privateKey as PKCS#8 PEM)")
                .build();
        Secret googlePlaySecret = Secret.Builder.create(this, "GooglePlaySecret")
                .secretName(settings.prefix() + "/googleplay")
                .description("Google Play service-account key file (JSON: client_email, private_key, private_key_id)")
                .build();
        Secret appFollowSecret = Secret.Builder.create(this, "AppFollowSecret")
                .secretName(settings.prefix() + "/appfollow")
                .description("AppFollow webhook URL token (JSON: webhookToken)")
                .build();
        Secret reviewPseudonymSecret = Secret.Builder.create(this, "ReviewPseudonymSecret")
                .secretName(settings.prefix() + "/review-pseudonym")
                .description("Key of the HMAC that pseudonymises reviewers (JSON: authorHmacKey)")
                .generateSecretString(SecretStringGenerator.builder()
                        .secretStringTemplate("{}")
                        .generateStringKey("authorHmacKey")
                        .passwordLength(48)
                        .excludePunctuation(true)
                        .build())
                .build();
        HearkenFunction reviewIngest = function(HearkenFunctionProps.builder("review-ingest")
                .export("ingest")
                // ~130 MB of language models, and memory buys the CPU their loading needs.
                .memoryMb(1024)
                .timeout(Duration.ofSeconds(30))
                .build());
        HearkenFunction reviewWebhook = function(HearkenFunctionProps.builder("review-webhook")
                .module("functions/review-ingest")
                .export("appfollow")
                .build());
        HearkenFunction reviewInsights = function(HearkenFunctionProps.builder("review-insights")
                .module("functions/review-ingest")
                .export("insights")
                .build());
        HearkenFunction reviewPoller = function(HearkenFunctionProps.builder("review-poller")
                .module("functions/review-ingest")
                .export("poll")
                // A run stops itself after its time budget (90 s by default) and the next one resumes.
                .timeout(Duration.ofMinutes(2))
                .build());
        WorkerQueue reviewQueue = queue(WorkerQueueProps.builder("reviews", reviewIngest.timeout()).build());
        reviewQueue.grantSend(reviewPoller);
        reviewQueue.grantSend(reviewWebhook);
        reviewQueue.consumer(reviewIngest, ConsumerOptions.builder().batchSize(10).maxConcurrency(5).build());
        autoReply.grantSend(reviewIngest);
        reviews.grant(reviewIngest, "dynamodb:PutItem", "dynamodb:GetItem", "dynamodb:Query", "dynamodb:UpdateItem");
        // A transaction needs the actions of the items it contains: the marker Put and the counter Update (bug
        // impact and escalations); GetItem reads the day's escalation count back for the ingest result.
        reviewImpact.grant(reviewIngest, "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:GetItem");
        reviewApps.grant(reviewIngest, "dynamodb:Scan");
        readSecret(reviewIngest, reviewPseudonymSecret, settings.prefix() + "/review-pseudonym", "HEARKEN_REVIEW_SECRETS_PSEUDONYM");
        readSecret(reviewWebhook, appFollowSecret, settings.prefix() + "/appfollow", "HEARKEN_REVIEW_SECRETS_APPFOLLOW");
        reviewImpact.grant(reviewInsights, "dynamodb:Query");
        webhook("/webhooks/appfollow", reviewWebhook);
        route(HttpMethod.GET, "/apps/{appId}/topics/{topic}/impact", reviewInsights);
        reviewApps.grant(reviewPoller, "dynamodb:Scan");
        reviewCursors.grant(reviewPoller, "dynamodb:GetItem", "dynamodb:PutItem");
        readSecret(reviewPoller, appStoreSecret, settings.prefix() + "/appstore", "HEARKEN_REVIEW_SECRETS_APPSTORE");
        readSecret(reviewPoller, googlePlaySecret, settings.prefix() + "/googleplay", "HEARKEN_REVIEW_SECRETS_GOOGLEPLAY");
        Rule.Builder.create(this, "ReviewPollSchedule")
                .ruleName(settings.physicalName("review-poll"))
                .description("Pulls new App Store Connect and Google Play reviews (Play lists only about a week)")
                .schedule(Schedule.rate(software.amazon.awscdk.Duration.minutes(15)))
                .targets(List.of(new LambdaFunction(reviewPoller.function())))
                .build();
        // --- review-escalate (#15): privacy/legal store reviews → one Zendesk ticket for the right team ---
        // review-ingest never auto-answers such a review; it puts a dev.hearken.escalation.ReviewEscalation on
        // review-escalations, and this function of the ticket-classify artifact (the module's one Zendesk client)
        // opens the ticket, found again by its external_id so a redelivery opens no second one. It routes with
        // the routing rules the ticket worker uses. Small batches and two pollers: escalations are rare, and
        // Zendesk's limits are shared with the ticket worker and auto-reply.
        HearkenFunction reviewEscalate = function(HearkenFunctionProps.builder("review-escalate")
                .module("functions/ticket-classify")
                .export("escalate")
                // A lookup and a create, each up to 10 s (the Zendesk client's connect + read timeouts).
                .timeout(Duration.ofSeconds(30))
                .build());
        WorkerQueue reviewEscalations = queue(WorkerQueueProps.builder("review-escalations", reviewEscalate.timeout())
                .build());
        reviewEscalations.grantSend(reviewIngest);
        reviewEscalations.consumer(reviewEscalate, ConsumerOptions.builder().batchSize(5).maxConcurrency(2).build());
        // A rate-limited record is returned by changing its visibility (the event source grants the action).
        reviewEscalate.addEnvironment(reviewEscalations.environmentVariable(), reviewEscalations.queue().getQueueUrl());
        routingRules.grantRead(reviewEscalate);
        readSecret(reviewEscalate, zendeskSecret, zendeskSecretName, "HEARKEN_ZENDESK_SECRET_ID");

        // --- push-send: CRM push with caps, quiet hours and priorities; campaign fan-out (#7) ------
        // One artifact (functions/push-send), two functions: push-send consumes the push queue (app
        // backend and campaign messages, format in dev.hearken.push.message.PushMessage), push-campaign
        // fans a due campaign out onto it. Item shapes: functions/push-send/README.md.
        DataTable pushUsers = table(DataTableProps.builder("push-users", Key.string("userId")).build());
        DataTable pushDevices = table(DataTableProps.builder("push-devices", Key.string("userId"))
                .sortKey(Key.string("token"))
                .build());
        DataTable pushCaps = table(DataTableProps.builder("push-caps", Key.string("userId"))
                .sortKey(Key.string("window"))
                .ttlAttribute("expiresAt")
                .build());
        DataTable pushDeliveries = table(DataTableProps.builder("push-deliveries", Key.string("pk"))
                .sortKey(Key.string("sk"))
                .ttlAttribute("expiresAt")
                .build());
        DataTable pushSends = table(DataTableProps.builder("push-sends", Key.string("idempotencyKey"))
                .ttlAttribute("expiresAt")
                .build());
        DataTable pushTemplates = table(DataTableProps.builder("push-templates", Key.string("templateId"))
                .sortKey(Key.string("locale"))
                .build());
        DataTable pushCampaigns = table(DataTableProps.builder("push-campaigns", Key.string("campaignId")).build());
        DataTable pushSegments = table(DataTableProps.builder("push-segments", Key.string("segmentId"))
                .sortKey(Key.string("userId"))
                .build());
        // No value in the template: CloudFormation generates a placeholder, an operator puts the FCM
        // service-account JSON and the APNs key (JSON: teamId, keyId, privateKey, topic).
        String fcmSecretName = settings.prefix() + "/fcm";
        String apnsSecretName = settings.prefix() + "/apns";
        Secret fcmSecret = Secret.Builder.create(this, "FcmSecret")
                .secretName(fcmSecretName)
                .description("FCM service-account key file (JSON: project_id, client_email, private_key, private_key_id, token_uri)")
                .build();
        Secret apnsSecret = Secret.Builder.create(this, "ApnsSecret")
                .secretName(apnsSecretName)
                .description("APNs token-auth key (JSON: teamId, keyId, privateKey as PKCS#8 PEM, topic)")
                .build();
        HearkenFunction pushSend = function(HearkenFunctionProps.builder("push-send")
                .export("send")
                // Memory buys CPU for TLS and JSON; a record waits mostly on FCM/APNs.
                .memoryMb(1024)
                .timeout(Duration.ofSeconds(30))
                .build());
        HearkenFunction pushCampaign = function(HearkenFunctionProps.builder("push-campaign")
                .module("functions/push-send")
                .export("campaign")
                .memoryMb(1024)
                // The run saves its cursor and stops after hearken.push.campaign.budget (12 min).
                .timeout(Duration.ofMinutes(15))
                .build());
        WorkerQueue push = queue(WorkerQueueProps.builder("push", pushSend.timeout()).build());
        // 100 records per invocation, gathered for up to 1 s: the worker runs a batch's records at the same
        // time (hearken.push.worker.max-in-flight, 100), so a bigger batch is more sends per instance, not a
        // longer invocation (functions/push-send/README.md, "Measured").
        push.consumer(pushSend, ConsumerOptions.builder().batchSize(100).maxBatchingWindow(Duration.ofSeconds(1))
                .maxConcurrency(20).build());
        push.grantSend(pushCampaign);
        // The worker re-enqueues deferred messages (quiet hours, notBefore) with a delay, and sends a
        // message a provider rejects as invalid straight to the DLQ with the reason as an attribute.
        push.grantSend(pushSend);
        push.deadLetterQueue().grantSendMessages(pushSend.function());
        pushSend.addEnvironment("HEARKEN_QUEUES_PUSH_DLQ", push.deadLetterQueue().getQueueUrl());
        pushUsers.grant(pushSend, "dynamodb:GetItem");
        pushDevices.grant(pushSend, "dynamodb:Query", "dynamodb:DeleteItem");
        // Caps: one conditional UpdateItem per window on push-caps, then a mark on the ledger (push-sends).
        pushCaps.grant(pushSend, "dynamodb:UpdateItem");
        pushSends.grant(pushSend, "dynamodb:UpdateItem", "dynamodb:GetItem");
        pushDeliveries.grant(pushSend, "dynamodb:PutItem");
        pushTemplates.grant(pushSend, "dynamodb:Query");
        experiments.grantRead(pushSend);
        exposures.grant(pushSend, "dynamodb:PutItem", "dynamodb:GetItem", "dynamodb:Query");
        pushCampaigns.grant(pushCampaign, "dynamodb:GetItem");
        pushSegments.grant(pushCampaign, "dynamodb:Query");
        pushSends.grant(pushCampaign, "dynamodb:UpdateItem");
        pushCampaign.function().addToRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("events:PutEvents"))
                .resources(List.of("arn:" + getPartition() + ":events:" + getRegion() + ":" + getAccount()
                        + ":event-bus/default"))
                .build());
        for (Secret secret : List.of(fcmSecret, apnsSecret)) {
            // Only GetSecretValue: Secret.grantRead would add DescribeSecret, which the code never calls.
            pushSend.function().addToRolePolicy(PolicyStatement.Builder.create()
                    .actions(List.of("secretsmanager:GetSecretValue"))
                    .resources(List.of(secret.getSecretArn()))
                    .build());
        }
        pushSend.addEnvironment("HEARKEN_PUSH_FCM_SECRET_ID", fcmSecretName);
        pushSend.addEnvironment("HEARKEN_PUSH_APNS_SECRET_ID", apnsSecretName);
        // channel email / push-then-email: the CRM e-mail of a program goes out through SES, with a
        // one-click unsubscribe link whose token is sealed with the key in hearken/push-mail.
        sendsMail(pushSend, "notifications");
        String pushMailSecretName = settings.prefix() + "/push-mail";
        Secret pushMailSecret = Secret.Builder.create(this, "PushMailSecret")
                .secretName(pushMailSecretName)
                .description("Key of e-mail unsubscribe tokens (JSON: unsubscribeKey = base64 of 32 random bytes)")
                .build();
        readSecret(pushSend, pushMailSecret, pushMailSecretName, "HEARKEN_MAIL_SECRET_ID");
        // One-click unsubscribe (RFC 8058): the links in every mail point at POST/GET /mail/unsubscribe, served by
        // mail-unsubscribe (push-send artifact). Public routes: mail clients cannot sign; the sealed token is the
        // authentication. It opens the token with the key and adds email:<program> to optOuts, nothing else.
        // The URL goes into push-send's environment: the API does not depend on push-send (only the routes
        // depend on their functions), so this reference makes no cycle. A custom domain would replace it.
        HearkenFunction mailUnsubscribe = function(HearkenFunctionProps.builder("mail-unsubscribe")
                .module("functions/push-send")
                .export("unsubscribe")
                .build());
        pushUsers.grant(mailUnsubscribe, "dynamodb:UpdateItem");
        readSecret(mailUnsubscribe, pushMailSecret, pushMailSecretName, "HEARKEN_MAIL_SECRET_ID");
        publicRoute(HttpMethod.POST, "/mail/unsubscribe", mailUnsubscribe);
        publicRoute(HttpMethod.GET, "/mail/unsubscribe", mailUnsubscribe);
        pushSend.addEnvironment("HEARKEN_MAIL_UNSUBSCRIBE_URL", httpApi.getApiEndpoint() + "/mail/unsubscribe");
        // SES feedback: push-send sends through the configuration set hearken-mail, whose event destination
        // publishes bounces and complaints to an SNS topic; the mail-feedback queue (SNS envelope, no raw
        // delivery) feeds mail-feedback, which marks the user's emailStatus (bounced on a permanent bounce,
        // complained) found by the mail's sealed recipient tag. UpdateItem on push-users and the key, nothing else.
        String mailConfigurationSetName = settings.physicalName("mail");
        ConfigurationSet mailConfigurationSet = ConfigurationSet.Builder.create(this, "MailConfigurationSet")
                .configurationSetName(mailConfigurationSetName)
                .build();
        Topic mailFeedbackTopic = Topic.Builder.create(this, "MailFeedbackTopic")
                .topicName(settings.physicalName("mail-feedback"))
                .displayName("SES bounces and complaints of Hearken mail")
                .build();
        mailConfigurationSet.addEventDestination("MailFeedbackDestination", ConfigurationSetEventDestinationOptions.builder()
                .destination(EventDestination.snsTopic(mailFeedbackTopic))
                .events(List.of(EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT))
                .build());
        HearkenFunction mailFeedback = function(HearkenFunctionProps.builder("mail-feedback")
                .module("functions/push-send")
                .export("feedback")
                .build());
        WorkerQueue mailFeedbackQueue = queue(WorkerQueueProps.builder("mail-feedback", mailFeedback.timeout()).build());
        mailFeedbackTopic.addSubscription(SqsSubscription.Builder.create(mailFeedbackQueue.queue())
                .rawMessageDelivery(false)
                .build());
        mailFeedbackQueue.consumer(mailFeedback, ConsumerOptions.builder().batchSize(10).maxConcurrency(2).build());
        pushUsers.grant(mailFeedback, "dynamodb:UpdateItem");
        readSecret(mailFeedback, pushMailSecret, pushMailSecretName, "HEARKEN_MAIL_SECRET_ID");
        // Ref of the configuration set is its name, and makes push-send wait for it (a send naming a
        // configuration set that does not exist is refused). Sending through it needs the action on it too.
        pushSend.addEnvironment("HEARKEN_MAIL_CONFIGURATION_SET", mailConfigurationSet.getConfigurationSetName());
        pushSend.function().addToRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("ses:SendRawEmail"))
                .resources(List.of("arn:" + getPartition() + ":ses:" + getRegion() + ":" + getAccount()
                        + ":configuration-set/" + mailConfigurationSetName))
                .build());
        // Program overview counters (sends, deliveries, capped, deferred, ...): one ADD per message.
        programStats.grant(pushSend, "dynamodb:UpdateItem");
        // Deferrals longer than one SQS delay (15 min: a night of quiet hours, a distant notBefore) are
        // one-time schedules that push-send creates in their own group; each sends its message back to the
        // push queue, with a role that may do only that and that only schedules of this group can assume.
        // push-send may create schedules in this group and pass this role, nothing else of Scheduler's.
        String deferralGroup = settings.physicalName("push-deferrals");
        CfnScheduleGroup deferralSchedules = CfnScheduleGroup.Builder.create(this, "PushDeferralSchedules")
                .name(deferralGroup)
                .build();
        Role deferralRole = Role.Builder.create(this, "PushDeferralSchedulerRole")
                .assumedBy(new ServicePrincipal("scheduler.amazonaws.com").withConditions(Map.of(
                        // only schedules of this account and group may assume it (confused deputy; "Set up the execution role",
                        // https://docs.aws.amazon.com/scheduler/latest/UserGuide/setting-up.html)
                        "StringEquals", Map.of("aws:SourceAccount", getAccount()),
                        "ArnEquals", Map.of("aws:SourceArn", deferralSchedules.getAttrArn()))))
                .description("Lets push-send's deferral schedules send their message back to the push queue")
                .build();
        deferralRole.addToPolicy(PolicyStatement.Builder.create()
                .actions(List.of("sqs:SendMessage"))
                .resources(List.of(push.queue().getQueueArn()))
                .build());
        pushSend.function().addToRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("scheduler:CreateSchedule"))
                .resources(List.of("arn:" + getPartition() + ":scheduler:" + getRegion() + ":" + getAccount()
                        + ":schedule/" + deferralGroup + "/*"))
                .build());
        pushSend.function().addToRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("iam:PassRole"))
                .resources(List.of(deferralRole.getRoleArn()))
                .conditions(Map.of("StringEquals", Map.of("iam:PassedToService", "scheduler.amazonaws.com")))
                .build());
        pushSend.addEnvironment("HEARKEN_PUSH_DEFERRALS_ENABLED", "true");
        pushSend.addEnvironment("HEARKEN_PUSH_DEFERRALS_GROUP", deferralGroup);
        pushSend.addEnvironment("HEARKEN_PUSH_DEFERRALS_ROLE_ARN", deferralRole.getRoleArn());
        pushSend.addEnvironment("HEARKEN_PUSH_DEFERRALS_QUEUE_ARN", push.queue().getQueueArn());
        // The group exists before the worker runs, so a first night's deferrals are not refused for want of it.
        pushSend.function().getNode().addDependency(deferralSchedules);
        // Campaigns start with a "Campaign Scheduled" event on the default bus, put by a one-time
        // EventBridge Scheduler schedule (group hearken-campaigns, role below) or by the app backend. A run
        // that outlives one invocation's budget hands itself over with a "Campaign Continued" event
        // (detail: campaignId, runId, hop) that push-campaign puts on the same bus.
        Rule.Builder.create(this, "PushCampaignRule")
                .ruleName(settings.physicalName("push-campaign-scheduled"))
                .description("Starts a campaign run of push-campaign")
                .eventPattern(EventPattern.builder()
                        .source(List.of("hearken.campaigns"))
                        .detailType(List.of("Campaign Scheduled", "Campaign Continued"))
                        .build())
                .targets(List.of(LambdaFunction.Builder.create(pushCampaign.function()).retryAttempts(3).build()))
                .build();
        CfnScheduleGroup.Builder.create(this, "PushCampaignSchedules")
                .name(settings.physicalName("campaigns"))
                .build();
        Role schedulerRole = Role.Builder.create(this, "PushCampaignSchedulerRole")
                .assumedBy(new ServicePrincipal("scheduler.amazonaws.com"))
                .description("Lets campaign schedules put Campaign Scheduled events on the default bus")
                .build();
        schedulerRole.addToPolicy(PolicyStatement.Builder.create()
                .actions(List.of("events:PutEvents"))
                .resources(List.of("arn:" + getPartition() + ":events:" + getRegion() + ":" + getAccount()
                        + ":event-bus/default"))
                .build());

        throttlePublicRoutes();
    }

    /** Steady requests per second one public route accepts before API Gateway answers 429. */
    static final int PUBLIC_ROUTE_RATE_LIMIT = 50;
    /** Burst of requests one public route accepts. */
    static final int PUBLIC_ROUTE_BURST_LIMIT = 100;

    /**
     * Throttles every public route at the stage ({@code RouteSettings} of the {@code $default} stage):
     * anyone on the internet can call them, and each call costs an invocation before the function can
     * refuse a bad signature or token. Zendesk and AppFollow deliver far below the limit, and a mail
     * client's one-click unsubscribe is one request per click; IAM routes keep the account's limits.
     * The stage depends on the routes because route settings name existing route keys.
     */
    private void throttlePublicRoutes() {
        CfnStage stage = (CfnStage) httpApi.getDefaultStage().getNode().getDefaultChild();
        Map<String, Object> settings = new LinkedHashMap<>();
        publicRoutes.forEach((routeKey, route) -> {
            settings.put(routeKey, Map.of("ThrottlingRateLimit", PUBLIC_ROUTE_RATE_LIMIT,
                    "ThrottlingBurstLimit", PUBLIC_ROUTE_BURST_LIMIT));
            stage.addDependency(route);
        });
        stage.setRouteSettings(settings);
    }

    /**
     * Timeout the auto-reply queue is sized for until its consumer exists (issue #6): its
     * visibility timeout is six times this, and {@link WorkerQueue#consumer} refuses a slower consumer.
     */
    static final Duration AUTO_REPLY_TIMEOUT = Duration.ofSeconds(30);

    /**
     * Lets {@code function} read {@code secret} — only GetSecretValue: {@code Secret.grantRead} would add
     * DescribeSecret, which the code never calls — and tells it the secret's name through {@code envVar}.
     */
    private static void readSecret(HearkenFunction function, Secret secret, String secretName, String envVar) {
        function.function().addToRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("secretsmanager:GetSecretValue"))
                .resources(List.of(secret.getSecretArn()))
                .build());
        // The literal name: secret.getSecretName() is a token that parses the ARN at deploy time.
        function.addEnvironment(envVar, secretName);
    }

    /**
     * Lets {@code function} send e-mail through SES from {@code <localPart>@<mail domain>} (only
     * SendEmail/SendRawEmail on that identity) and tells it the address in {@code HEARKEN_MAIL_FROM}.
     * The domain identity ({@code AWS::SES::EmailIdentity}) is declared once, on first use; emulators
     * get it verified by the test/local provisioner, real SES once its DKIM records are published.
     */
    private void sendsMail(HearkenFunction function, String localPart) {
        if (mailIdentity == null) {
            mailIdentity = EmailIdentity.Builder.create(this, "MailIdentity")
                    .identity(Identity.domain(settings.mailDomain()))
                    .build();
        }
        function.function().addToRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("ses:SendEmail", "ses:SendRawEmail"))
                .resources(List.of("arn:" + getPartition() + ":ses:" + getRegion() + ":" + getAccount()
                        + ":identity/" + settings.mailDomain()))
                .build());
        function.addEnvironment("HEARKEN_MAIL_FROM", settings.mailAddress(localPart));
    }

    /** Declares a table named {@code <prefix>-<name>}. */
    private DataTable table(DataTableProps props) {
        return new DataTable(this, pascal(props.name()) + "Table", props);
    }

    /** Declares a function named {@code <prefix>-<name>}, with its alarms on the dashboard. */
    private HearkenFunction function(HearkenFunctionProps props) {
        HearkenFunction function = new HearkenFunction(this, pascal(props.name()) + "Function", props);
        monitoring.watch(function);
        return function;
    }

    /**
     * Declares a work queue and its DLQ, with their alarms on the dashboard; connect the consumer
     * with {@link WorkerQueue#consumer}.
     */
    private WorkerQueue queue(WorkerQueueProps props) {
        WorkerQueue queue = new WorkerQueue(this, pascal(props.name()) + "Queue", props);
        monitoring.watch(queue);
        return queue;
    }

    /**
     * Routes {@code method path} to {@code function} through a Lambda proxy integration (payload format
     * 2.0), for AWS callers only: API Gateway checks the caller's SigV4 signature and IAM permission
     * ({@code execute-api:Invoke} on the route) before the function runs, and passes the caller's ARN
     * in {@code requestContext.authorizer.iam}. App backends and operators' tools call these.
     */
    private void route(HttpMethod method, String path, HearkenFunction function) {
        addRoute(method, path, function, new HttpIamAuthorizer());
    }

    /**
     * Routes {@code POST path} to {@code function} without an API Gateway authoriser: third-party
     * webhooks (Zendesk, AppFollow) cannot sign with SigV4, so the function authenticates each call
     * itself with the sender's HMAC signature and timestamp and answers 401 otherwise.
     */
    private void webhook(String path, HearkenFunction function) {
        publicRoute(HttpMethod.POST, path, function);
    }

    /**
     * Routes {@code method path} to {@code function} without an API Gateway authoriser, for callers that
     * cannot sign with SigV4 (webhooks, mail clients following a link). The function must authenticate every
     * call itself — a signature, or a token sealed with a key only Hearken holds (mail-unsubscribe) — and
     * answer 4xx otherwise.
     */
    private void publicRoute(HttpMethod method, String path, HearkenFunction function) {
        for (HttpRoute route : addRoute(method, path, function, new HttpNoneAuthorizer())) {
            publicRoutes.put(method.name() + " " + path, (CfnRoute) route.getNode().getDefaultChild());
        }
    }

    private List<HttpRoute> addRoute(HttpMethod method, String path, HearkenFunction function,
            IHttpRouteAuthorizer authorizer) {
        HttpLambdaIntegration integration = integrations.computeIfAbsent(function,
                f -> new HttpLambdaIntegration(pascal(f.name()) + "Integration", f.function()));
        return httpApi.addRoutes(AddRoutesOptions.builder()
                .methods(List.of(method))
                .path(path)
                .integration(integration)
                .authorizer(authorizer)
                .build());
    }

    private static String pascal(String kebab) {
        StringBuilder out = new StringBuilder();
        for (String part : kebab.split("-")) {
            out.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
        }
        return out.toString();
    }
}
