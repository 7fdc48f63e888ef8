package dev.hearken.push.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.push.aws.DynamoDbCampaignStore;
import dev.hearken.push.aws.SqsPushQueue;
import dev.hearken.push.domain.Copy;
import dev.hearken.push.domain.Device;
import dev.hearken.push.domain.Notification;
import dev.hearken.push.domain.Platform;
import dev.hearken.push.domain.ProviderOutcome;
import dev.hearken.push.message.Priority;
import dev.hearken.push.provider.FcmAccessTokens;
import dev.hearken.push.provider.FcmGateway;
import dev.hearken.push.provider.SecretSource;
import dev.hearken.push.service.CampaignService;
import dev.hearken.testing.aws.Emulator;
import dev.hearken.testing.aws.Seeds;
import dev.hearken.testing.aws.TemplateProvisioner;
import dev.hearken.testing.fakes.fcm.FcmFake;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Throughput measurements, off by default: {@code ./mvnw -B verify -pl functions/push-send
 * -Dtest=PushBenchmarkTest -Dpush.bench=true}. Prints the numbers quoted in the README.
 */
@EnabledIfSystemProperty(named = "push.bench", matches = "true")
class PushBenchmarkTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void fcm_sends_per_second_of_one_instance_against_the_fake_at_20_ms() throws Exception {
        Emulator emulator = Emulator.shared();
        Seeds.loadSecrets(emulator.secrets());
        try (FcmFake fake = new FcmFake().latency(Duration.ofMillis(20))) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
            FcmAccessTokens tokens = new FcmAccessTokens(new SecretSource(emulator.secrets(), JSON), "hearken/fcm",
                    Optional.of(fake.baseUri() + "/token"), Duration.ofMinutes(5), http, JSON, Duration.ofSeconds(5),
                    Clock.systemUTC());
            FcmGateway gateway = new FcmGateway(fake.baseUri().toString(), tokens, http, JSON, Duration.ofSeconds(5),
                    Duration.ofSeconds(60));
            Notification n = new Notification(new Copy("Spring sale", "40% off Premium"), Map.of("program", "seasonal"),
                    Priority.PROMOTIONAL, "bench", "seasonal_spring-sale");
            for (int concurrency : new int[] {1, 16, 64, 128}) {
                int total = concurrency == 1 ? 200 : 4000;
                long start = System.nanoTime();
                List<Future<ProviderOutcome>> results = new ArrayList<>();
                try (ExecutorService pool = Executors.newFixedThreadPool(concurrency)) {
                    for (int i = 0; i < total; i++) {
                        Device d = new Device("u" + i, "tok-" + i, Platform.ANDROID);
                        results.add(pool.submit(() -> gateway.send(d, n)));
                    }
                }
                long ok = 0;
                for (Future<ProviderOutcome> f : results) {
                    ok += f.get() instanceof ProviderOutcome.Sent ? 1 : 0;
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                Runtime rt = Runtime.getRuntime();
                System.out.printf("BENCH fcm concurrency=%d sends=%d ok=%d %.0f sends/s heap-used=%d MB%n",
                        concurrency, total, ok, total / seconds, (rt.totalMemory() - rt.freeMemory()) >> 20);
            }
        }
    }

    @Test
    void campaign_fan_out_messages_per_second_into_the_emulator_queue() {
        Emulator emulator = Emulator.shared();
        TemplateProvisioner.fromClasspath().provision(emulator.dynamo(), emulator.sqs());
        int users = Integer.getInteger("push.bench.users", 2_000);
        String segment = "bench-" + System.nanoTime();
        List<WriteRequest> batch = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(Map.of(
                    "segmentId", AttributeValue.fromS(segment), "userId", AttributeValue.fromS(String.format("u%07d", i))))
                    .build()).build());
            if (batch.size() == 25 || i == users - 1) {
                List<WriteRequest> chunk = List.copyOf(batch);
                emulator.dynamo().batchWriteItem(b -> b.requestItems(Map.of("hearken-push-segments", chunk)));
                batch.clear();
            }
        }
        emulator.dynamo().putItem(b -> b.tableName("hearken-push-campaigns").item(Map.of(
                "campaignId", AttributeValue.fromS(segment), "program", AttributeValue.fromS("seasonal"),
                "priority", AttributeValue.fromS("promotional"), "template", AttributeValue.fromS("spring-sale"),
                "segmentId", AttributeValue.fromS(segment))));
        String url = emulator.sqs().getQueueUrl(b -> b.queueName("hearken-push")).queueUrl();
        SqsPushQueue queue = new SqsPushQueue(emulator.sqs(), JSON, () -> url, () -> url);
        CampaignService service = new CampaignService(new DynamoDbCampaignStore(emulator.dynamo(), "hearken-push-campaigns",
                "hearken-push-segments", "hearken-push-sends", Duration.ofDays(30), Clock.systemUTC()),
                queue, 500, 8, Duration.ofMinutes(12), Clock.systemUTC());

        System.out.printf("BENCH campaign segment of %d users seeded%n", users);
        long start = System.nanoTime();
        CampaignService.RunResult result = service.run(segment, "bench-run");
        double seconds = (System.nanoTime() - start) / 1e9;

        System.out.printf("BENCH campaign users=%d enqueued=%d %.1f s %.0f messages/s (1,000,000 users ≈ %.0f s)%n",
                users, result.enqueued(), seconds, result.enqueued() / seconds, 1_000_000 / (result.enqueued() / seconds));
    }
}
