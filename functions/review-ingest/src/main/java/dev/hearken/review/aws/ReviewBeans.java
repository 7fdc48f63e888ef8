package dev.hearken.review.aws;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.aws.config.TableNames;
import dev.hearken.aws.secrets.SecretReader;
import dev.hearken.aws.sqs.SqsJsonQueue;
import dev.hearken.aws.sqs.SqsReplyQueue;
import dev.hearken.escalation.ReviewEscalation;
import dev.hearken.integrations.appstore.AppStoreConnectClient;
import dev.hearken.integrations.auth.GoogleAccessTokens;
import dev.hearken.integrations.googleplay.GooglePlayClient;
import dev.hearken.review.config.ReviewQueues;
import dev.hearken.review.config.ReviewSettings;
import dev.hearken.review.ingest.EscalationQueue;
import dev.hearken.review.ingest.ReplyRule;
import dev.hearken.review.ingest.ReviewLinks;
import dev.hearken.review.ingest.ReviewIngestService;
import dev.hearken.review.model.Store;
import dev.hearken.review.poll.ReviewPoller;
import dev.hearken.review.poll.StoreClient;
import dev.hearken.review.poll.StoreClients;
import dev.hearken.review.store.AppStoreReviewPages;
import dev.hearken.review.store.GooglePlayReviewPages;
import dev.hearken.review.webhook.AppFollowWebhook;
import dev.hearken.review.model.AuthorPseudonymizer;
import dev.hearken.review.parse.ReviewParsers;
import dev.hearken.understanding.Understanding;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.Optional;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Wires the review context to AWS. Everything is a singleton per function instance, so caches (apps, secrets,
 * tokens) and the understanding models survive warm invocations.
 */
@ApplicationScoped
public class ReviewBeans {

    private static final Logger LOG = Logger.getLogger(ReviewBeans.class);
    /** A Google access token is replaced this long before its {@code expires_in}. */
    private static final Duration GOOGLE_TOKEN_MARGIN = Duration.ofMinutes(1);

    @Produces
    @Singleton
    Understanding understanding() {
        // One per process: about a second and 130 MB (see Understanding#load).
        return Understanding.load();
    }

    @Produces
    @Singleton
    DynamoDbApps apps(DynamoDbClient dynamo, TableNames tables, ReviewSettings settings) {
        return new DynamoDbApps(dynamo, tables.reviewApps(), settings.cacheTtl());
    }

    @Produces
    @Singleton
    DynamoDbImpactCounter impact(DynamoDbClient dynamo, TableNames tables, ReviewSettings settings) {
        return new DynamoDbImpactCounter(dynamo, tables.reviewImpact(), settings.impactMarkerRetention(), Clock.systemUTC());
    }

    @Produces
    @Singleton
    SqsQueueUrls queueUrls(SqsClient sqs) {
        return new SqsQueueUrls(sqs);
    }

    @Produces
    @Singleton
    ReviewIngestService ingestService(DynamoDbClient dynamo, SqsClient sqs, ObjectMapper json, TableNames tables,
            ReviewSettings settings, ReviewQueues queues, SqsQueueUrls urls, SecretReader secrets, DynamoDbApps apps,
            DynamoDbImpactCounter impact, Instance<Understanding> understanding) {
        AuthorPseudonymizer authors = new AuthorPseudonymizer(
                secrets.field(settings.secrets().pseudonym(), "authorHmacKey").getBytes(StandardCharsets.UTF_8));
        return new ReviewIngestService(
                new ReviewParsers(authors, apps),
                new DynamoDbReviewStore(dynamo, tables.reviews()),
                new UnderstandingAnalyzer(understanding::get),
                impact,
                new SqsReplyQueue(sqs, () -> urls.url(queues.autoReply(), "hearken-auto-reply"), json),
                replyRules(json, settings.replyRules()),
                escalations(sqs, () -> urls.url(queues.reviewEscalations(), "hearken-review-escalations"), json),
                new DynamoDbEscalationCounter(dynamo, tables.reviewImpact()),
                new ReviewLinks(settings.escalation().appstoreLink(), settings.escalation().googleplayLink()),
                Clock.systemUTC());
    }

    @Produces
    @Singleton
    SqsReviewQueue reviewQueue(SqsClient sqs, ReviewMessageJson messages, ReviewQueues queues, SqsQueueUrls urls) {
        return new SqsReviewQueue(sqs, () -> urls.url(queues.reviews(), "hearken-reviews"), messages);
    }

    /** The reviews queue's body format, shared by the queue writer, the worker and the AppFollow webhook. */
    @Produces
    @Singleton
    ReviewMessageJson reviewMessages(ObjectMapper json) {
        return new ReviewMessageJson(json);
    }

    @Produces
    @Singleton
    AppFollowWebhook appFollowWebhook(SecretReader secrets, ReviewSettings settings, SqsReviewQueue queue) {
        return new AppFollowWebhook(() -> secrets.field(settings.secrets().appfollow(), "webhookToken"), queue);
    }

    @Produces
    @Singleton
    ReviewPoller poller(DynamoDbClient dynamo, TableNames tables, ReviewSettings settings, SecretReader secrets,
            SqsReviewQueue queue, ObjectMapper json) {
        Clock clock = Clock.systemUTC();
        HttpClient http = HttpClient.newBuilder().connectTimeout(settings.poll().requestTimeout()).build();
        ReviewSettings.Secrets ids = settings.secrets();
        Duration timeout = settings.poll().requestTimeout();
        // One client per store and secret: an app may name its own credentials (ReviewApp#credentials); the
        // clients cache their tokens, so they are kept for the life of the function instance.
        Map<String, StoreClient> clients = new ConcurrentHashMap<>();
        StoreClients byCredentials = (store, credentials) -> clients.computeIfAbsent(store.code() + "|" + credentials,
                k -> switch (store) {
                    case APP_STORE -> new AppStoreReviewPages(new AppStoreConnectClient(settings.appstore().baseUrl(),
                            http, json, timeout, secrets, credentials == null ? ids.appstore() : credentials,
                            settings.appstore().backoff(), clock), settings.appstore().pageSize(),
                            settings.appstore().backoff(), settings.appstore().minRemaining());
                    case GOOGLE_PLAY -> new GooglePlayReviewPages(new GooglePlayClient(settings.googleplay().baseUrl(),
                            http, json, timeout, new GoogleAccessTokens(secrets,
                                    credentials == null ? ids.googleplay() : credentials,
                                    Optional.of(settings.googleplay().tokenUrl()), http, json, timeout,
                                    GOOGLE_TOKEN_MARGIN, clock),
                            settings.googleplay().backoff()), settings.googleplay().pageSize());
                });
        return new ReviewPoller(byCredentials, new DynamoDbCursorStore(dynamo, tables.reviewCursors()), queue, clock,
                LOG::warn);
    }

    /**
     * {@link EscalationQueue} on the {@code review-escalations} queue: one {@link ReviewEscalation} JSON per
     * message, with the attributes {@code escalationId} and {@code flags} (comma-separated) so an operator can read
     * a DLQ entry without opening the body.
     */
    static EscalationQueue escalations(SqsClient sqs, Supplier<String> url, ObjectMapper json) {
        SqsJsonQueue<ReviewEscalation> queue = new SqsJsonQueue<>(sqs, url, json, e -> Map.of(
                "escalationId", e.escalationId(), "flags", String.join(",", e.flags())));
        return queue::send;
    }

    static List<ReplyRule> replyRules(ObjectMapper json, String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("reply rules " + resource + " not on the classpath");
            }
            return json.readValue(in, new TypeReference<List<ReplyRule>>() {});
        } catch (IOException e) {
            throw new UncheckedIOException("reply rules " + resource + " are not valid JSON", e);
        }
    }
}
