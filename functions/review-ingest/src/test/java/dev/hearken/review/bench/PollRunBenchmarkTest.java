package dev.hearken.review.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.review.aws.DynamoDbCursorStore;
import dev.hearken.review.aws.ReviewMessageJson;
import dev.hearken.review.aws.SqsReviewQueue;
import dev.hearken.review.model.Store;
import dev.hearken.review.poll.PollSummary;
import dev.hearken.review.poll.ReviewPoller;
import dev.hearken.review.poll.StoreClient;
import dev.hearken.review.ingest.ReviewMessage;
import dev.hearken.review.ingest.ReviewQueue;
import dev.hearken.aws.secrets.SecretReader;
import dev.hearken.integrations.appstore.AppStoreConnectClient;
import dev.hearken.integrations.auth.GoogleAccessTokens;
import dev.hearken.integrations.googleplay.GooglePlayClient;
import dev.hearken.review.store.AppStoreReviewPages;
import dev.hearken.review.store.GooglePlayReviewPages;
import dev.hearken.testing.aws.Emulator;
import dev.hearken.testing.aws.Seeds;
import dev.hearken.testing.aws.TemplateProvisioner;
import dev.hearken.testing.fakes.appstore.AppStoreConnectFake;
import dev.hearken.testing.fakes.googleplay.GooglePlayFake;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Benchmark, not a check (run with {@code -Dreview.bench=true}): one scheduled run over 5,000 new reviews per store
 * against the fakes, with the production page sizes (App Store 200, Play 100), enqueueing into SQS in the emulator.
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "review.bench", matches = "true")
class PollRunBenchmarkTest {

    private static StoreClient timed(StoreClient client, AtomicLong nanos) {
        return (appId, position) -> {
            long t = System.nanoTime();
            try {
                return client.page(appId, position);
            } finally {
                nanos.addAndGet(System.nanoTime() - t);
            }
        };
    }

    @Test
    void one_scheduled_run_over_five_thousand_new_reviews_per_store() throws Exception {
        int n = Integer.getInteger("review.bench.poll", 5000);
        Emulator emulator = Emulator.shared();
        TemplateProvisioner.fromClasspath().provision(emulator.dynamo(), emulator.sqs());
        ObjectMapper json = new ObjectMapper();
        Seeds.loadSecrets(emulator.secrets());
        try (AppStoreConnectFake appStore = new AppStoreConnectFake(); GooglePlayFake play = new GooglePlayFake()) {
            for (int i = 0; i < n; i++) {
                appStore.addNewest("bench-app", Map.of("type", "customerReviews", "id", "bench-" + i,
                        "attributes", Map.of("rating", 1 + i % 5, "title", "t" + i, "body", "Review number " + i,
                                "reviewerNickname", "r" + i, "createdDate", Instant.parse("2026-03-01T00:00:00Z").plusSeconds(i).toString(),
                                "territory", "USA")));
                play.addNewest("com.example.bench", Map.of("reviewId", "gp:bench-" + i, "authorName", "r" + i,
                        "comments", List.of(Map.of("userComment", Map.of("text", "Review number " + i,
                                "lastModified", Map.of("seconds", Long.toString(1772323200L + i), "nanos", 0), "starRating", 1 + i % 5)))));
            }
            HttpClient http = HttpClient.newHttpClient();
            Clock clock = Clock.systemUTC();
            String queueUrl = emulator.sqs().getQueueUrl(b -> b.queueName("hearken-reviews")).queueUrl();
            AtomicLong storeNanos = new AtomicLong();
            AtomicLong queueNanos = new AtomicLong();
            SecretReader storeSecrets = new SecretReader(emulator.secrets(), json, Duration.ZERO);
            StoreClient appStoreClient = new AppStoreReviewPages(new AppStoreConnectClient(appStore.baseUri(), http, json,
                    Duration.ofSeconds(20), storeSecrets, "hearken/appstore", Duration.ofMinutes(5), clock), 200,
                    Duration.ofMinutes(5), 0);
            StoreClient playClient = new GooglePlayReviewPages(new GooglePlayClient(play.baseUri(), http, json,
                    Duration.ofSeconds(20), new GoogleAccessTokens(storeSecrets, "hearken/googleplay",
                            Optional.of(URI.create(play.tokenUrl())), http, json, Duration.ofSeconds(20),
                            Duration.ofMinutes(1), clock), Duration.ofMinutes(5)), 100);
            SqsReviewQueue sqs = new SqsReviewQueue(emulator.sqs(), () -> queueUrl, new ReviewMessageJson(json));
            ReviewPoller poller = new ReviewPoller(Map.of(Store.APP_STORE, timed(appStoreClient, storeNanos),
                    Store.GOOGLE_PLAY, timed(playClient, storeNanos)),
                    new DynamoDbCursorStore(emulator.dynamo(), "hearken-review-cursors"),
                    new ReviewQueue() {
                        @Override
                        public String send(ReviewMessage message) {
                            return sqs.send(message);
                        }

                        @Override
                        public void sendAll(List<ReviewMessage> messages) {
                            long t = System.nanoTime();
                            sqs.sendAll(messages);
                            queueNanos.addAndGet(System.nanoTime() - t);
                        }
                    }, clock, System.out::println);

            long start = System.nanoTime();
            PollSummary summary = poller.run(List.of(new ReviewPoller.Target(Store.APP_STORE, "bench-app"),
                    new ReviewPoller.Target(Store.GOOGLE_PLAY, "com.example.bench")), Instant.now().plusSeconds(900));
            double seconds = (System.nanoTime() - start) / 1e9;

            assertThat(summary.enqueued()).isEqualTo(2 * n);
            System.out.printf("BENCH poll: %d new reviews (%d App Store in %d pages, %d Play in %d pages) in %.2f s:"
                    + " %.2f s listing from the fakes, %.2f s SendMessageBatch to the emulator%n",
                    summary.enqueued(), summary.apps().get(0).enqueued(), summary.apps().get(0).pages(),
                    summary.apps().get(1).enqueued(), summary.apps().get(1).pages(), seconds,
                    storeNanos.get() / 1e9, queueNanos.get() / 1e9);
            emulator.sqs().purgeQueue(b -> b.queueUrl(queueUrl));
        }
    }
}
