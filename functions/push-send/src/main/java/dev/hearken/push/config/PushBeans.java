package dev.hearken.push.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.aws.config.TableNames;
import dev.hearken.aws.secrets.SecretReader;
import dev.hearken.integrations.apns.ApnsClient;
import dev.hearken.integrations.apns.ApnsProviderTokens;
import dev.hearken.integrations.apns.TrustedCertificates;
import dev.hearken.integrations.auth.GoogleAccessTokens;
import dev.hearken.integrations.fcm.FcmClient;
import dev.hearken.experiment.service.AssignmentService;
import dev.hearken.push.aws.DynamoDbCampaignStore;
import dev.hearken.push.aws.DynamoDbDeliveryLog;
import dev.hearken.push.aws.DynamoDbProgramCounters;
import dev.hearken.push.aws.DynamoDbFrequencyCaps;
import dev.hearken.push.aws.DynamoDbSendLedger;
import dev.hearken.push.aws.DynamoDbTemplateCatalogue;
import dev.hearken.push.aws.DynamoDbUserDirectory;
import dev.hearken.push.aws.EventBridgeCampaignContinuation;
import dev.hearken.push.aws.SchedulerDeferrals;
import dev.hearken.push.aws.SqsPushQueue;
import dev.hearken.aws.config.WaitingSettings;
import dev.hearken.aws.sqs.SqsRedelivery;
import dev.hearken.push.aws.SqsPushRecords;
import dev.hearken.push.domain.CapLimits;
import dev.hearken.push.domain.Platform;
import dev.hearken.push.function.ConcurrentRecords;
import dev.hearken.push.port.LongDeferrals;
import dev.hearken.push.provider.ApnsGateway;
import dev.hearken.push.provider.BoundedGateway;
import dev.hearken.push.provider.FcmGateway;
import dev.hearken.push.service.CampaignService;
import dev.hearken.push.service.EmailChannel;
import dev.hearken.push.service.PushPolicy;
import dev.hearken.push.service.PushPorts;
import dev.hearken.push.service.PushService;
import dev.hearken.push.service.PushWorker;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Wires push-send: one instance of each adapter and service per function instance, so caches (access
 * tokens, provider JWT, templates, queue URLs) survive warm invocations.
 */
@ApplicationScoped
public class PushBeans {

    private static final System.Logger LOG = System.getLogger(PushBeans.class.getName());

    private final Map<String, String> queueUrls = new ConcurrentHashMap<>();
    private final Map<String, String> queueArns = new ConcurrentHashMap<>();

    @Produces
    @Singleton
    @PushTime
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * The DynamoDB and SQS clients are the URL-connection client (the JDK's {@code HttpURLConnection};
     * Quarkiverse offers no pool setting for it): any number of concurrent requests, but only
     * {@code http.maxConnections} idle connections kept per host, 5 by default — with many records in
     * flight every other call would open (and then close) a new TLS connection. Keep as many as records
     * run at once. The JDK reads the property at the first keep-alive; a {@code -D} given at launch wins.
     */
    void keepAliveConnections(@Observes StartupEvent start, PushSettings settings) {
        if (System.getProperty("http.maxConnections") == null) {
            System.setProperty("http.maxConnections", Integer.toString(Math.max(5, settings.worker().maxInFlight())));
        }
    }

    /** The records of an SQS batch run at the same time, up to {@code hearken.push.worker.max-in-flight}. */
    @Produces
    @Singleton
    ConcurrentRecords concurrentRecords(PushSettings settings) {
        return new ConcurrentRecords(settings.worker().maxInFlight());
    }

    /**
     * One HTTP client per provider. APNs requires HTTP/2 over TLS; the JDK client negotiates it with
     * ALPN on {@code https} (the APNs fake serves the same way). Against a plain-{@code http} fake (FCM)
     * it would try an h2c upgrade, which the JDK's own server ignores, so plain {@code http} base URLs
     * are spoken HTTP/1.1 outright.
     */
    private static HttpClient.Builder httpClient(String baseUrl, PushSettings settings) {
        return HttpClient.newBuilder()
                .version(baseUrl.startsWith("https:") ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.httpTimeout())
                .executor(Executors.newVirtualThreadPerTaskExecutor());
    }

    @Produces
    @Singleton
    FcmGateway fcm(SecretReader secrets, ObjectMapper json, PushSettings settings) {
        HttpClient http = httpClient(settings.fcm().baseUrl(), settings).build();
        GoogleAccessTokens tokens = new GoogleAccessTokens(secrets, settings.fcm().secretId(),
                settings.fcm().tokenUri().map(URI::create), http, json, settings.httpTimeout(),
                settings.fcm().refreshMargin(), Clock.systemUTC());
        return new FcmGateway(new FcmClient(settings.fcm().baseUrl(), http, json, settings.httpTimeout(), tokens),
                settings.defaultRetry());
    }

    @Produces
    @Singleton
    ApnsGateway apns(SecretReader secrets, ObjectMapper json, PushSettings settings) {
        // Provider tokens are checked by Apple against real time, never against the decision clock.
        ApnsProviderTokens tokens = new ApnsProviderTokens(secrets, settings.apns().secretId(),
                settings.apns().tokenRefresh(), Clock.systemUTC());
        HttpClient.Builder http = httpClient(settings.apns().baseUrl(), settings);
        // Only tests and local runs set this (the fake's self-signed certificate); production keeps the default trust.
        settings.apns().trustCertificates().ifPresent(pem -> http.sslContext(TrustedCertificates.sslContext(Path.of(pem))));
        return new ApnsGateway(new ApnsClient(settings.apns().baseUrl(), tokens, http.build(), json, settings.httpTimeout()),
                settings.defaultRetry(), Clock.systemUTC());
    }

    @Produces
    @Singleton
    SqsPushQueue pushQueue(SqsClient sqs, ObjectMapper json, PushQueues queues) {
        return new SqsPushQueue(sqs, json, queueUrl(sqs, queues.push(), queues.pushName()),
                queueUrl(sqs, queues.pushDlq(), queues.pushDlqName()));
    }

    /** The one way the worker waits and gives up (shared-aws): delayed copies on the push queue, dead letters. */
    @Produces
    @Singleton
    SqsRedelivery redelivery(SqsClient sqs, PushQueues queues, WaitingSettings waiting) {
        return new SqsRedelivery(sqs, queueUrl(sqs, queues.push(), queues.pushName()),
                queueUrl(sqs, queues.pushDlq(), queues.pushDlqName()), waiting, Clock.systemUTC());
    }

    @Produces
    @Singleton
    PushService pushService(DynamoDbClient dynamo, TableNames tables, PushSettings settings, AssignmentService experiments,
            FcmGateway fcm, ApnsGateway apns, SqsPushQueue queue, @PushTime Clock clock, EmailChannel mail,
            DynamoDbProgramCounters counters, SchedulerClient scheduler, SqsClient sqs, PushQueues queues, ObjectMapper json) {
        PushSettings.Caps caps = settings.caps();
        PushPorts ports = new PushPorts(
                new DynamoDbUserDirectory(dynamo, tables.pushUsers(), tables.pushDevices()),
                new DynamoDbFrequencyCaps(dynamo, tables.pushCaps()),
                new DynamoDbSendLedger(dynamo, tables.pushSends(), settings.ledgerRetention()),
                new DynamoDbDeliveryLog(dynamo, tables.pushDeliveries(), settings.deliveryRetention(), settings.deliveryShards()),
                new DynamoDbTemplateCatalogue(dynamo, tables.pushTemplates(), settings.templateCacheTtl(), Clock.systemUTC()),
                experiments,
                Map.of(Platform.ANDROID, new BoundedGateway(fcm, settings.maxConcurrentSends()),
                        Platform.IOS, new BoundedGateway(apns, settings.maxConcurrentSends())),
                queue,
                mail,
                counters,
                longDeferrals(settings.deferrals(), scheduler, sqs, queues, json));
        PushPolicy policy = new PushPolicy(
                new CapLimits(caps.lifecyclePerDay(), caps.promotionalPerDay(), caps.lifecyclePerWeek(), caps.promotionalPerWeek()),
                settings.maxDelay(),
                settings.lease());
        // a message's devices and independent calls, each on its own virtual thread: they wait on FCM/APNs and DynamoDB
        return new PushService(ports, policy, clock, Executors.newVirtualThreadPerTaskExecutor());
    }

    /** A record to retry waits as a delayed copy for the provider's Retry-After ({@link SqsRedelivery}). */
    @Produces
    @Singleton
    SqsPushRecords pushRecords(PushService push, SqsRedelivery redelivery, ObjectMapper json) {
        return new SqsPushRecords(new PushWorker(push), redelivery, json);
    }

    /** One-time schedules for long waits, or {@code null} (the SQS re-enqueue chain) when off or without a role. */
    private LongDeferrals longDeferrals(PushSettings.Deferrals deferrals, SchedulerClient scheduler, SqsClient sqs,
            PushQueues queues, ObjectMapper json) {
        if (!deferrals.enabled()) {
            return null;
        }
        if (deferrals.roleArn().isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "hearken.push.deferrals.enabled without hearken.push.deferrals.role-arn:"
                    + " long deferrals stay a chain of SQS re-enqueues");
            return null;
        }
        Supplier<String> url = queueUrl(sqs, queues.push(), queues.pushName());
        Supplier<String> arn = () -> deferrals.queueArn().orElseGet(() -> queueArns.computeIfAbsent(queues.pushName(),
                n -> sqs.getQueueAttributes(b -> b.queueUrl(url.get()).attributeNames(QueueAttributeName.QUEUE_ARN))
                        .attributes().get(QueueAttributeName.QUEUE_ARN)));
        return new SchedulerDeferrals(scheduler, json, deferrals.group(), deferrals.roleArn().get(), arn,
                deferrals.deadLetterArn().orElse(null));
    }

    @Produces
    @Singleton
    CampaignService campaignService(DynamoDbClient dynamo, TableNames tables, PushSettings settings, SqsPushQueue queue,
            EventBridgeCampaignContinuation continuation) {
        return new CampaignService(
                new DynamoDbCampaignStore(dynamo, tables.pushCampaigns(), tables.pushSegments(), tables.pushSends(),
                        settings.ledgerRetention(), Clock.systemUTC()),
                queue, settings.campaign().pageSize(), settings.campaign().parallelism(), settings.campaign().budget(),
                Clock.systemUTC(), continuation);
    }

    /** The configured URL, else looked up by name once (local runs and tests without the CDK environment). */
    private Supplier<String> queueUrl(SqsClient sqs, java.util.Optional<String> configured, String name) {
        return () -> configured.orElseGet(() -> queueUrls.computeIfAbsent(name,
                n -> sqs.getQueueUrl(b -> b.queueName(n)).queueUrl()));
    }
}
