package dev.hearken.infra.contexts;

import dev.hearken.infra.HearkenSettings;
import dev.hearken.infra.constructs.DataTable;
import dev.hearken.infra.constructs.DataTableProps;
import dev.hearken.infra.constructs.DeadLetterAlarms;
import dev.hearken.infra.constructs.HearkenFunction;
import dev.hearken.infra.constructs.HearkenFunctionProps;
import dev.hearken.infra.constructs.Monitoring;
import dev.hearken.infra.constructs.WorkerQueue;
import dev.hearken.infra.constructs.WorkerQueueProps;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.HttpIamAuthorizer;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegration;
import software.amazon.awscdk.services.apigatewayv2.AddRoutesOptions;
import software.amazon.awscdk.services.apigatewayv2.CfnRoute;
import software.amazon.awscdk.services.apigatewayv2.CfnStage;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.apigatewayv2.HttpMethod;
import software.amazon.awscdk.services.apigatewayv2.HttpNoneAuthorizer;
import software.amazon.awscdk.services.apigatewayv2.HttpRoute;
import software.amazon.awscdk.services.apigatewayv2.IHttpRouteAuthorizer;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.secretsmanager.SecretStringGenerator;
import software.amazon.awscdk.services.ses.EmailIdentity;
import software.amazon.awscdk.services.ses.Identity;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * What every bounded context builds on: the settings, the dashboard, the one HTTP API and the SES
 * mail identity, and one call each to declare a table, function, queue, secret or route.
 *
 * <p>Everything is declared directly in the stack's scope, with the construct ids the stack has always
 * used. CloudFormation logical ids are derived from the construct path, so a construct level per context
 * would rename every resource of a deployed stack, and CloudFormation would replace its tables, queues
 * and secrets (losing their data) and fail on the literal physical names. The contexts are therefore
 * plain classes that declare into this scope, not {@code Construct}s of their own.
 */
public final class StackBase {

    private final Stack stack;
    private final HearkenSettings settings;
    private final Monitoring monitoring;
    private final HttpApi httpApi;
    private final Map<HearkenFunction, HttpLambdaIntegration> integrations = new HashMap<>();
    /** Public routes by route key ({@code POST /webhooks/zendesk}), throttled at the stage. */
    private final Map<String, CfnRoute> publicRoutes = new LinkedHashMap<>();
    private EmailIdentity mailIdentity;
    private DataTable audit;
    private DataTable rateBudgets;

    /** Declares the dashboard, the HTTP API (on the dashboard) and its URL as the output {@code HttpApiUrl}. */
    public StackBase(Stack stack) {
        this.stack = stack;
        this.settings = HearkenSettings.of(stack);
        this.monitoring = new Monitoring(stack, "Monitoring");
        this.httpApi = HttpApi.Builder.create(stack, "HttpApi")
                .apiName(settings.physicalName("http"))
                .description("Hearken webhooks and APIs")
                .build();
        monitoring.watch(httpApi, "http-api");
        CfnOutput.Builder.create(stack, "HttpApiUrl")
                .description("Base URL of the HTTP API")
                .value(httpApi.getApiEndpoint())
                .build();
    }

    /** The stack everything is declared in, as the scope of resources a context declares itself. */
    public Stack scope() {
        return stack;
    }

    /** The deployment-wide settings. */
    public HearkenSettings settings() {
        return settings;
    }

    /** The HTTP API; its endpoint is the base of links a function hands out. */
    public HttpApi httpApi() {
        return httpApi;
    }

    /** Declares a table named {@code <prefix>-<name>}. */
    public DataTable table(DataTableProps props) {
        return new DataTable(stack, pascal(props.name()) + "Table", props);
    }

    /** Declares a function named {@code <prefix>-<name>}, with its alarms on the dashboard. */
    public HearkenFunction function(HearkenFunctionProps props) {
        HearkenFunction function = new HearkenFunction(stack, pascal(props.name()) + "Function", props);
        monitoring.watch(function);
        return function;
    }

    /**
     * Declares a work queue and its DLQ, with their alarms on the dashboard; connect the consumer
     * with {@link WorkerQueue#consumer}.
     */
    public WorkerQueue queue(WorkerQueueProps props) {
        WorkerQueue queue = new WorkerQueue(stack, pascal(props.name()) + "Queue", props);
        monitoring.watch(queue);
        return queue;
    }

    /**
     * Lets {@code function} change operator-managed objects of {@code tables} through the operator API
     * ({@code dev.hearken.aws.admin.VersionedItems}): read them, write them conditionally on their version, and
     * write the change's entry to the audit table in the same transaction (the transaction's IAM actions are
     * those of its parts), and read the audit trail. The audit table ({@code <prefix>-audit}, entries expiring
     * after 400 days) is declared on first use.
     */
    public void administers(HearkenFunction function, DataTable... tables) {
        if (audit == null) {
            audit = table(DataTableProps.builder("audit", DataTableProps.Key.string("entity"))
                    .sortKey(DataTableProps.Key.string("at"))
                    .ttlAttribute("expiresAt")
                    .index("byDay", DataTableProps.Key.string("day"), DataTableProps.Key.string("at"))
                    .build());
        }
        audit.grantWithIndexes(function, "dynamodb:PutItem", "dynamodb:Query"); // the trail is read by its byDay index
        for (DataTable table : tables) {
            table.grant(function, "dynamodb:GetItem", "dynamodb:Query", "dynamodb:Scan", "dynamodb:PutItem",
                    "dynamodb:DeleteItem");
        }
    }

    /**
     * Lets {@code function} take units of the shared rate budgets ({@code dev.hearken.aws.budget.DynamoDbRateBudget}:
     * one conditional {@code UpdateItem} per call to an external service), so that every instance of every function
     * calling one account stays under its limit together. The table ({@code <prefix>-rate-budgets}, counters
     * expiring an hour after their window) is declared on first use.
     */
    public void takesRateBudget(HearkenFunction function) {
        if (rateBudgets == null) {
            rateBudgets = table(DataTableProps.builder("rate-budgets", DataTableProps.Key.string("budgetKey"))
                    .ttlAttribute("expiresAt")
                    .build());
        }
        rateBudgets.grant(function, "dynamodb:UpdateItem");
    }

    /**
     * The IAM-authorised routes of one operator-managed collection ({@code dev.hearken.aws.admin.AdminCollection})
     * served by {@code function}: {@code GET}/{@code POST path}, {@code GET}/{@code PUT}/{@code DELETE
     * path/{key…}}, {@code GET path/{key…}/history} and, for a two-part key, {@code GET path/{first}}.
     *
     * @param path     the collection's path, e.g. {@code /admin/routing-rules}
     * @param keyNames the key's names in order, which are the path parameters: {@code ruleId};
     *                 {@code templateKey, language}
     */
    public void adminCollection(HearkenFunction function, String path, String... keyNames) {
        StringBuilder item = new StringBuilder(path);
        for (String name : keyNames) {
            item.append("/{").append(name).append('}');
        }
        route(HttpMethod.GET, path, function);
        route(HttpMethod.POST, path, function);
        if (keyNames.length > 1) {
            route(HttpMethod.GET, path + "/{" + keyNames[0] + "}", function);
        }
        route(HttpMethod.GET, item.toString(), function);
        route(HttpMethod.PUT, item.toString(), function);
        route(HttpMethod.DELETE, item.toString(), function);
        route(HttpMethod.GET, item + "/history", function);
    }

    /** Declares the secret {@code <prefix>/<name>} without a value: an operator puts it after the deployment. */
    public NamedSecret secret(String id, String name, String description) {
        return declareSecret(id, name, description, null);
    }

    /** Declares the secret {@code <prefix>/<name>} whose value CloudFormation generates at deployment. */
    public NamedSecret generatedSecret(String id, String name, String description, SecretStringGenerator generator) {
        return declareSecret(id, name, description, generator);
    }

    /**
     * Routes {@code method path} to {@code function} through a Lambda proxy integration (payload format
     * 2.0), for AWS callers only: API Gateway checks the caller's SigV4 signature and IAM permission
     * ({@code execute-api:Invoke} on the route) before the function runs, and passes the caller's ARN
     * in {@code requestContext.authorizer.iam}. App backends and operators' tools call these.
     */
    public void route(HttpMethod method, String path, HearkenFunction function) {
        addRoute(method, path, function, new HttpIamAuthorizer());
    }

    /**
     * Routes {@code POST path} to {@code function} without an API Gateway authoriser: third-party
     * webhooks (Zendesk, AppFollow) cannot sign with SigV4, so the function authenticates each call
     * itself with the sender's HMAC signature and timestamp and answers 401 otherwise.
     */
    public void webhook(String path, HearkenFunction function) {
        publicRoute(HttpMethod.POST, path, function);
    }

    /**
     * Routes {@code method path} to {@code function} without an API Gateway authoriser, for callers that
     * cannot sign with SigV4 (webhooks, mail clients following a link). The function must authenticate every
     * call itself — a signature, or a token sealed with a key only Hearken holds (mail-unsubscribe) — and
     * answer 4xx otherwise. {@link #throttlePublicRoutes} limits them.
     */
    public void publicRoute(HttpMethod method, String path, HearkenFunction function) {
        for (HttpRoute route : addRoute(method, path, function, new HttpNoneAuthorizer())) {
            publicRoutes.put(method.name() + " " + path, (CfnRoute) route.getNode().getDefaultChild());
        }
    }

    /**
     * Throttles every public route at the stage ({@code RouteSettings} of the {@code $default} stage);
     * call it once, after every context has added its routes. The stage depends on the routes because
     * route settings name existing route keys.
     */
    public void throttlePublicRoutes(int rateLimit, int burstLimit) {
        CfnStage stage = (CfnStage) httpApi.getDefaultStage().getNode().getDefaultChild();
        Map<String, Object> routeSettings = new LinkedHashMap<>();
        publicRoutes.forEach((routeKey, route) -> {
            routeSettings.put(routeKey, Map.of("ThrottlingRateLimit", rateLimit, "ThrottlingBurstLimit", burstLimit));
            stage.addDependency(route);
        });
        stage.setRouteSettings(routeSettings);
    }

    /**
     * Tells {@code function}, which calls Zendesk's API, the account's base URL ({@code HEARKEN_ZENDESK_BASE_URL},
     * from {@code hearken:zendeskSubdomain}). Unset in a local stack, where tests and {@code make run} point the
     * functions at the Zendesk fake; a deployed stack without it fails at synth ({@link HearkenSettings}).
     */
    public void callsZendesk(HearkenFunction function) {
        settings.zendeskBaseUrl().ifPresent(url -> function.addEnvironment("HEARKEN_ZENDESK_BASE_URL", url));
    }

    /**
     * Declares a dead-letter queue {@code <prefix>-<name>-dlq} for a producer other than an SQS redrive (a
     * Scheduler target, ...): kept {@link WorkerQueue#RETENTION}, encrypted, TLS only, with the two alarms of
     * {@link DeadLetterAlarms} and a dashboard row. Its constructs sit where a {@link WorkerQueue}'s DLQ and
     * alarms would ({@code <Name>Queue/DeadLetterQueue}), so every queue follows one path convention.
     *
     * @param what what ends up here, for the alarm descriptions
     */
    public Queue deadLetterQueue(String name, String what) {
        String queueName = settings.physicalName(name) + "-dlq";
        Construct scope = new Construct(stack, pascal(name) + "Queue");
        Queue queue = Queue.Builder.create(scope, "DeadLetterQueue")
                .queueName(queueName)
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .retentionPeriod(WorkerQueue.RETENTION)
                .build();
        Alarm notEmpty = DeadLetterAlarms.notEmpty(scope, "DeadLetterAlarm", queue, queueName + "-not-empty",
                what + " were dead-lettered; inspect and redrive " + queueName);
        Alarm tooOld = DeadLetterAlarms.tooOld(scope, "DeadLetterAgeAlarm", queue, queueName + "-too-old",
                "a message has waited in " + queueName + " for " + DeadLetterAlarms.AGE_ALARM.toDays()
                        + " days; redrive or export it before SQS deletes it");
        monitoring.watchDeadLetters(name + " dlq", queue, List.of(notEmpty, tooOld));
        return queue;
    }

    /**
     * Declares the topic {@code <prefix>-alarms} (with an e-mail subscription when {@code hearken:alarmEmail}
     * is set) and makes it the alarm and OK action of every CloudWatch alarm in the stack. Call it once,
     * after every context: it covers the alarms that exist then, whoever declared them.
     *
     * <p>The topic is not encrypted: CloudWatch can publish to an SSE topic only with a customer managed key
     * whose policy lets it, not with the AWS managed {@code alias/aws/sns} key, and alarm texts hold no
     * personal data (names, thresholds, states).
     */
    public Topic notifyAlarms() {
        Topic topic = Topic.Builder.create(stack, "AlarmTopic")
                .topicName(settings.physicalName("alarms"))
                .displayName("Hearken alarms")
                .build();
        settings.alarmEmail().ifPresent(address -> topic.addSubscription(new EmailSubscription(address)));
        SnsAction action = new SnsAction(topic);
        for (IConstruct construct : stack.getNode().findAll()) {
            if (construct instanceof Alarm alarm) {
                alarm.addAlarmAction(action);
                alarm.addOkAction(action);
            }
        }
        CfnOutput.Builder.create(stack, "AlarmTopicArn")
                .description("SNS topic every alarm notifies; subscribe a pager or chat here")
                .value(topic.getTopicArn())
                .build();
        return topic;
    }

    /**
     * Lets {@code function} send e-mail through SES from {@code <localPart>@<mail domain>} (only
     * SendEmail/SendRawEmail on that identity) and tells it the address in {@code HEARKEN_MAIL_FROM}.
     * The domain identity ({@code AWS::SES::EmailIdentity}) is declared once, on first use; emulators
     * get it verified by the test/local provisioner, real SES once its DKIM records are published.
     */
    public void sendsMail(HearkenFunction function, String localPart) {
        if (mailIdentity == null) {
            mailIdentity = EmailIdentity.Builder.create(stack, "MailIdentity")
                    .identity(Identity.domain(settings.mailDomain()))
                    .build();
        }
        function.function().addToRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("ses:SendEmail", "ses:SendRawEmail"))
                .resources(List.of(arn("ses", "identity/" + settings.mailDomain())))
                .build());
        function.addEnvironment("HEARKEN_MAIL_FROM", settings.mailAddress(localPart));
    }

    /**
     * The ARN of {@code resource} of {@code service} in this stack's partition, region and account,
     * e.g. {@code arn("events", "event-bus/default")}.
     */
    public String arn(String service, String resource) {
        return "arn:" + stack.getPartition() + ":" + service + ":" + stack.getRegion() + ":" + stack.getAccount()
                + ":" + resource;
    }

    /** {@code review-ingest} → {@code ReviewIngest}: the construct id stem of a kebab-case name. */
    static String pascal(String kebab) {
        StringBuilder out = new StringBuilder();
        for (String part : kebab.split("-")) {
            out.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
        }
        return out.toString();
    }

    private NamedSecret declareSecret(String id, String name, String description, SecretStringGenerator generator) {
        String secretName = settings.prefix() + "/" + name;
        Secret.Builder secret = Secret.Builder.create(stack, id)
                .secretName(secretName)
                .description(description);
        if (generator != null) {
            secret.generateSecretString(generator);
        }
        return new NamedSecret(secret.build(), secretName);
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
}
