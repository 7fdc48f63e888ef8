package dev.hearken.infra.contexts;

import dev.hearken.infra.HearkenSettings;
import dev.hearken.infra.HearkenSettings.Store;
import dev.hearken.infra.constructs.ConsumerOptions;
import dev.hearken.infra.constructs.DataTable;
import dev.hearken.infra.constructs.DataTableProps;
import dev.hearken.infra.constructs.DataTableProps.Key;
import dev.hearken.infra.constructs.HearkenFunction;
import dev.hearken.infra.constructs.HearkenFunctionProps;
import dev.hearken.infra.constructs.WorkerQueue;
import dev.hearken.infra.constructs.WorkerQueueProps;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.services.apigatewayv2.HttpMethod;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.Schedule;
import software.amazon.awscdk.services.events.targets.LambdaFunction;
import software.amazon.awscdk.services.secretsmanager.SecretStringGenerator;

/**
 * App-store reviews: in through the reviews queue, then normalised, stored, analysed, counted and offered
 * replies. One artifact ({@code functions/review-ingest}), one function per export: the AppFollow webhook
 * only enqueues (a fast 202), the worker does the slow part (understanding models) behind the reviews
 * queue, insights answers the bug-impact query, the poller pulls both stores every 15 minutes.
 *
 * <p>{@code review-ingest-admin} serves the operator API: the apps ({@code /admin/review-apps}) and the decisions the
 * worker stored about a review.
 *
 * <p>Secrets carry no value in the template: an operator puts the store keys and the AppFollow token; the
 * reviewer pseudonymisation key is generated and never leaves AWS. The worker produces to the auto-reply
 * queue, and {@link ReviewEscalate} makes it the producer of escalations ({@link #worker()}).
 */
public final class ReviewIngest {

    private final HearkenFunction worker;

    /** @param autoReplyQueue the auto-reply queue ({@link TicketClassify#autoReplyQueue()}), for reply offers */
    public ReviewIngest(StackBase platform, WorkerQueue autoReplyQueue) {
        DataTable reviews = platform.table(DataTableProps.builder("reviews", Key.string("reviewKey"))
                .sortKey(Key.string("version"))
                .build());
        DataTable cursors = platform.table(DataTableProps.builder("review-cursors", Key.string("cursorKey")).build());
        DataTable impact = platform.table(DataTableProps.builder("review-impact", Key.string("impactKey"))
                .sortKey(Key.string("sk"))
                .ttlAttribute("expiresAt") // only the reviewer markers expire; counters have no expiresAt
                .build());
        DataTable apps = platform.table(DataTableProps.builder("review-apps", Key.string("appId")).build());
        HearkenSettings settings = platform.settings();
        // A disabled source (hearken:stores) gets no secret, no function and no route: nothing to put or guard.
        NamedSecret appStoreSecret = !settings.enabled(Store.APP_STORE) ? null : platform.secret("AppStoreSecret",
                "appstore", "App Store Connect team API key (JSON: issuerId, keyId, privateKey as PKCS#8 PEM)");
        NamedSecret googlePlaySecret = !settings.enabled(Store.GOOGLE_PLAY) ? null : platform.secret("GooglePlaySecret",
                "googleplay", "Google Play service-account key file (JSON: client_email, private_key, private_key_id)");
        NamedSecret appFollowSecret = !settings.enabled(Store.APPFOLLOW) ? null : platform.secret("AppFollowSecret",
                "appfollow", "AppFollow webhook URL token (JSON: webhookToken)");
        NamedSecret pseudonymSecret = platform.generatedSecret("ReviewPseudonymSecret", "review-pseudonym",
                "Key of the HMAC that pseudonymises reviewers (JSON: authorHmacKey)",
                SecretStringGenerator.builder()
                        .secretStringTemplate("{}")
                        .generateStringKey("authorHmacKey")
                        .passwordLength(48)
                        .excludePunctuation(true)
                        .build());
        this.worker = platform.function(HearkenFunctionProps.builder("review-ingest")
                .export("ingest")
                // ~130 MB of language models, and memory buys the CPU their loading needs.
                .memoryMb(1024)
                .timeout(Duration.ofSeconds(30))
                .build());
        HearkenFunction webhook = appFollowSecret == null ? null : platform.function(
                HearkenFunctionProps.builder("review-webhook")
                        .module("functions/review-ingest")
                        .export("appfollow")
                        .build());
        HearkenFunction insights = platform.function(HearkenFunctionProps.builder("review-insights")
                .module("functions/review-ingest")
                .export("insights")
                .build());
        boolean polled = appStoreSecret != null || googlePlaySecret != null;
        HearkenFunction poller = !polled ? null : platform.function(HearkenFunctionProps.builder("review-poller")
                .module("functions/review-ingest")
                .export("poll")
                // A run stops itself after its time budget (90 s by default) and the next one resumes.
                .timeout(Duration.ofMinutes(2))
                .build());
        WorkerQueue queue = platform.queue(WorkerQueueProps.builder("reviews", worker.timeout()).build());
        if (poller != null) {
            queue.grantSend(poller);
        }
        if (webhook != null) {
            queue.grantSend(webhook);
        }
        queue.consumer(worker, ConsumerOptions.builder().batchSize(10).maxConcurrency(5).build());
        autoReplyQueue.grantSend(worker);
        reviews.grant(worker, "dynamodb:PutItem", "dynamodb:GetItem", "dynamodb:Query", "dynamodb:UpdateItem");
        // A transaction needs the actions of the items it contains: the marker Put and the counter Update (bug
        // impact and escalations); GetItem reads the day's escalation count back for the ingest result.
        impact.grant(worker, "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:GetItem");
        apps.grant(worker, "dynamodb:Scan");
        pseudonymSecret.grantRead(worker, "HEARKEN_REVIEW_SECRETS_PSEUDONYM");
        if (webhook != null) {
            appFollowSecret.grantRead(webhook, "HEARKEN_REVIEW_SECRETS_APPFOLLOW");
        }
        impact.grant(insights, "dynamodb:Query");
        if (webhook != null) {
            platform.webhook("/webhooks/appfollow", webhook);
        }
        platform.route(HttpMethod.GET, "/apps/{appId}/topics/{topic}/impact", insights);
        if (poller != null) {
            poll(platform, poller, apps, cursors, appStoreSecret, googlePlaySecret);
        }

        // The operator API: the apps to poll, and what the worker decided about one review.
        HearkenFunction admin = platform.function(HearkenFunctionProps.builder("review-ingest-admin")
                .module("functions/review-ingest")
                .export("admin")
                .build());
        platform.administers(admin, apps);
        platform.adminCollection(admin, "/admin/review-apps", "appId");
        reviews.grant(admin, "dynamodb:Query");
        platform.route(HttpMethod.GET, "/admin/reviews/{store}/{appId}/{reviewId}/decisions", admin);
    }

    /** The poller's grants and its 15-minute schedule; a store's secret is {@code null} when it is disabled. */
    private static void poll(StackBase platform, HearkenFunction poller, DataTable apps, DataTable cursors,
            NamedSecret appStoreSecret, NamedSecret googlePlaySecret) {
        apps.grant(poller, "dynamodb:Scan");
        cursors.grant(poller, "dynamodb:GetItem", "dynamodb:PutItem");
        if (appStoreSecret != null) {
            appStoreSecret.grantRead(poller, "HEARKEN_REVIEW_SECRETS_APPSTORE");
        }
        if (googlePlaySecret != null) {
            googlePlaySecret.grantRead(poller, "HEARKEN_REVIEW_SECRETS_GOOGLEPLAY");
        }
        Rule.Builder.create(platform.scope(), "ReviewPollSchedule")
                .ruleName(platform.settings().physicalName("review-poll"))
                .description("Pulls new App Store Connect and Google Play reviews (Play lists only about a week)")
                .schedule(Schedule.rate(software.amazon.awscdk.Duration.minutes(15)))
                .targets(List.of(new LambdaFunction(poller.function())))
                .build();

        // An app may name its own store credentials (another team's key): a secret under the store's name,
        // <prefix>/appstore… or <prefix>/googleplay… (the operator API refuses any other), so the poller may
        // read those names of the enabled stores and no others. Secrets Manager appends a 6-character suffix.
        List<String> ownCredentials = new ArrayList<>();
        if (appStoreSecret != null) {
            ownCredentials.add(secretArns(platform, appStoreSecret.name()));
        }
        if (googlePlaySecret != null) {
            ownCredentials.add(secretArns(platform, googlePlaySecret.name()));
        }
        if (!ownCredentials.isEmpty()) {
            poller.function().addToRolePolicy(PolicyStatement.Builder.create()
                    .actions(List.of("secretsmanager:GetSecretValue"))
                    .resources(ownCredentials)
                    .build());
        }
    }

    /** Every secret whose name starts with {@code namePrefix}, in this stack's account and region. */
    private static String secretArns(StackBase platform, String namePrefix) {
        return platform.scope().formatArn(ArnComponents.builder()
                .service("secretsmanager").resource("secret").resourceName(namePrefix + "*")
                .arnFormat(ArnFormat.COLON_RESOURCE_NAME).build());
    }

    /** The review-ingest worker, which decides what a review needs (reply offer, escalation). */
    public HearkenFunction worker() {
        return worker;
    }
}
