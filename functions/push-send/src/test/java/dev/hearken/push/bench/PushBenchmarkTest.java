package dev.hearken.push.bench;

import static org.assertj.core.api.Assumptions.assumeThat;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.push.aws.DynamoDbCampaignStore;
import dev.hearken.push.aws.DynamoDbDeliveryLog;
import dev.hearken.push.aws.DynamoDbFrequencyCaps;
import dev.hearken.push.aws.DynamoDbSendLedger;
import dev.hearken.push.aws.DynamoDbTemplateCatalogue;
import dev.hearken.push.aws.DynamoDbUserDirectory;
import dev.hearken.push.aws.Dynalite;
import dev.hearken.push.aws.SqsPushQueue;
import dev.hearken.push.aws.SqsVisibility;
import dev.hearken.push.domain.CapLimits;
import dev.hearken.push.domain.Copy;
import dev.hearken.push.domain.Device;
import dev.hearken.push.domain.Notification;
import dev.hearken.push.domain.Platform;
import dev.hearken.push.domain.ProviderOutcome;
import dev.hearken.push.domain.Template;
import dev.hearken.push.function.ConcurrentRecords;
import dev.hearken.push.function.FunqyBatch;
import dev.hearken.push.function.SendFunction;
import dev.hearken.push.message.Priority;
import dev.hearken.push.port.PushGateway;
import dev.hearken.push.provider.BoundedGateway;
import dev.hearken.push.provider.FcmAccessTokens;
import dev.hearken.push.provider.FcmGateway;
import dev.hearken.push.provider.SecretSource;
import dev.hearken.push.service.CampaignService;
import dev.hearken.push.service.PushService;
import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.function.Supplier;
import dev.hearken.testing.aws.Emulator;
import dev.hearken.testing.aws.Seeds;
import dev.hearken.testing.aws.TemplateProvisioner;
import dev.hearken.testing.fakes.fcm.FcmFake;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Throughput measurements, off by default: {@code ./mvnw -B verify -pl functions/push-send
 * -Dtest=PushBenchmarkTest -Dpush.bench=true}. Prints the numbers quoted in the README (lines starting
 * with {@code BENCH}).
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

    /**
     * The whole worker of one function instance — {@code SendFunction} and {@code PushService} with their
     * DynamoDB adapters (ledger, profile, devices, caps, templates, delivery log) on dynalite, FCM through
     * {@code FcmGateway} against the fake at 20 ms — fed batches of {@code push.bench.batch} (100) records one
     * after the other, as Lambda feeds an instance, each batch handled the way Funqy does ({@code FunqyBatch}).
     * Every message is a lifecycle push to a user with one Android device: 10 DynamoDB calls and one FCM call.
     * {@code -Dpush.bench.messages=N} (default 3,000), {@code -Dpush.bench.in-flight=a,b,…} (default 1,10,100).
     */
    @Test
    void worker_messages_per_second_of_one_instance_against_dynalite_and_the_fcm_fake_at_20_ms() throws Exception {
        int messages = Integer.getInteger("push.bench.messages", 3_000);
        int[] inFlight = inFlight();
        // as PushBeans does at start-up: keep as many idle DynamoDB connections as records run at once
        System.setProperty("http.maxConnections", Integer.toString(Arrays.stream(inFlight).max().orElse(5)));
        try (Dynalite dynalite = Dynalite.start(); FcmFake fake = new FcmFake().latency(Duration.ofMillis(20))) {
            assumeThat(dynalite).as("dynalite (npm) could not be installed").isNotNull();
            DynamoDbClient dynamo = dynalite.client();
            dynalite.createTables(dynamo, List.of("hearken-push-users", "hearken-push-devices", "hearken-push-caps",
                    "hearken-push-sends", "hearken-push-deliveries", "hearken-push-templates"));
            dynamo.putItem(b -> b.tableName("hearken-push-templates").item(Map.of(
                    "templateId", AttributeValue.fromS("bench"), "locale", AttributeValue.fromS("en"),
                    "variants", AttributeValue.fromM(Map.of(Template.DEFAULT_VARIANT, AttributeValue.fromM(Map.of(
                            "title", AttributeValue.fromS(TITLE), "body", AttributeValue.fromS(BODY))))))));
            seedUsers(dynamo, (inFlight.length + 1) * messages);
            System.out.printf("BENCH worker seeded %d users with one android device each on dynalite%n",
                    (inFlight.length + 1) * messages);
            try (ExecutorService deviceSends = Executors.newVirtualThreadPerTaskExecutor()) {
                PushService push = new PushService(
                        new DynamoDbUserDirectory(dynamo, "hearken-push-users", "hearken-push-devices"),
                        new DynamoDbFrequencyCaps(dynamo, "hearken-push-caps", "hearken-push-sends"),
                        new DynamoDbSendLedger(dynamo, "hearken-push-sends", Duration.ofDays(30)),
                        new DynamoDbDeliveryLog(dynamo, "hearken-push-deliveries", Duration.ofDays(90), 8),
                        new DynamoDbTemplateCatalogue(dynamo, "hearken-push-templates", Duration.ofSeconds(60),
                                Clock.systemUTC()),
                        null, Map.of(Platform.ANDROID, fcm(fake)), unusedQueue(), LIMITS, Duration.ofSeconds(900),
                        Duration.ofSeconds(60), Clock.systemUTC(), deviceSends);
                measure("dynalite", push, fake, messages, inFlight, dynalite::cpu);
            }
            dynamo.close();
        }
    }

    /**
     * The same worker and FCM fake, with the DynamoDB ports replaced by {@link SimulatedDynamo}: every call
     * takes {@code push.bench.dynamo-latency-ms} (5) and calls do not slow each other down, as DynamoDB
     * behaves for one instance — what the worker does once the emulator is not the bound.
     */
    @Test
    void worker_messages_per_second_of_one_instance_with_dynamodb_calls_of_5_ms_and_the_fcm_fake_at_20_ms()
            throws Exception {
        int messages = Integer.getInteger("push.bench.messages", 3_000);
        Duration dynamoLatency = Duration.ofMillis(Integer.getInteger("push.bench.dynamo-latency-ms", 5));
        SimulatedDynamo dynamo = new SimulatedDynamo(dynamoLatency, new Template("bench", null,
                Template.copies("en", Template.DEFAULT_VARIANT, TITLE, BODY)));
        try (FcmFake fake = new FcmFake().latency(Duration.ofMillis(20));
                ExecutorService deviceSends = Executors.newVirtualThreadPerTaskExecutor()) {
            PushService push = new PushService(dynamo, dynamo, dynamo, dynamo, dynamo, null,
                    Map.of(Platform.ANDROID, fcm(fake)), unusedQueue(), LIMITS, Duration.ofSeconds(900),
                    Duration.ofSeconds(60), Clock.systemUTC(), deviceSends);
            long before = dynamo.calls();
            measure("dynamodb-at-" + dynamoLatency.toMillis() + "ms", push, fake, messages, inFlight(), () -> Duration.ZERO);
            System.out.printf("BENCH worker dynamodb-at-%dms %.1f simulated DynamoDB calls per message%n",
                    dynamoLatency.toMillis(), (dynamo.calls() - before) / (double) fake.delivered().size());
        }
    }

    private static final String TITLE = "Hello {firstName}";
    private static final String BODY = "Your weekly summary is ready";
    private static final CapLimits LIMITS = new CapLimits(3, 2, 10, 5);

    private static int[] inFlight() {
        return Arrays.stream(System.getProperty("push.bench.in-flight", "1,10,100").split(","))
                .mapToInt(v -> Integer.parseInt(v.trim())).toArray();
    }

    /** FCM as the function builds it: {@code FcmGateway} over HTTP/1.1 (the fake), at most 100 sends in flight. */
    private static PushGateway fcm(FcmFake fake) {
        Emulator emulator = Emulator.shared(); // the FCM service account is a Secrets Manager secret (moto)
        Seeds.loadSecrets(emulator.secrets());
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        FcmAccessTokens tokens = new FcmAccessTokens(new SecretSource(emulator.secrets(), JSON), "hearken/fcm",
                Optional.of(fake.baseUri() + "/token"), Duration.ofMinutes(5), http, JSON, Duration.ofSeconds(5),
                Clock.systemUTC());
        return new BoundedGateway(new FcmGateway(fake.baseUri().toString(), tokens, http, JSON, Duration.ofSeconds(5),
                Duration.ofSeconds(60)), 100);
    }

    /** Every benchmark message is sent: deferral, dead-lettering and retry visibility never reach SQS. */
    private static SqsPushQueue unusedQueue() {
        String url = Emulator.shared().endpoint() + "/000000000000/hearken-push";
        return new SqsPushQueue(Emulator.shared().sqs(), JSON, () -> url, () -> url);
    }

    /**
     * A warm-up run at the largest bound, then one run per bound: {@code messages} records (300 at a bound of 1)
     * in batches of {@code push.bench.batch}, one batch after the other. Users are never reused (each run has its own).
     */
    private static void measure(String label, PushService push, FcmFake fake, int messages, int[] inFlight,
            Supplier<Duration> emulatorCpu) {
        int batch = Integer.getInteger("push.bench.batch", 100);
        SqsVisibility visibility = new SqsVisibility(Emulator.shared().sqs(),
                () -> Emulator.shared().endpoint() + "/000000000000/hearken-push");
        OperatingSystemMXBean os = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);
        for (int run = 0; run <= inFlight.length; run++) {
            int maxInFlight = run == 0 ? Arrays.stream(inFlight).max().orElse(1) : inFlight[run - 1];
            int count = maxInFlight == 1 ? Math.min(messages, 300) : messages; // sequential: enough to see the rate
            SendFunction worker = FunqyBatch.worker(push, visibility, JSON, new ConcurrentRecords(maxInFlight));
            int before = fake.delivered().size();
            long failed = 0;
            long jvmCpu = os.getProcessCpuTime();
            Duration emulatorCpuBefore = emulatorCpu.get();
            long start = System.nanoTime();
            for (int from = 0; from < count; from += batch) {
                List<SQSEvent.SQSMessage> records = new ArrayList<>();
                for (int i = from; i < Math.min(count, from + batch); i++) {
                    records.add(record(run * messages + i));
                }
                failed += FunqyBatch.run(worker, records).size();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            int sent = fake.delivered().size() - before;
            double jvmCores = (os.getProcessCpuTime() - jvmCpu) / 1e9 / seconds;
            double emulatorCores = emulatorCpu.get().minus(emulatorCpuBefore).toNanos() / 1e9 / seconds;
            Runtime rt = Runtime.getRuntime();
            long heapUsed = (rt.totalMemory() - rt.freeMemory()) >> 20;
            System.gc(); // what stays: the instance's live set (the JVM here also holds the fake and the test harness)
            long liveHeap = (rt.totalMemory() - rt.freeMemory()) >> 20;
            System.out.printf("BENCH worker %s %s max-in-flight=%d batch=%d messages=%d sent=%d failed=%d %.1f s "
                            + "%.0f messages/s; CPU: JVM (worker + fake) %.0f%% = %.2f ms/message, emulator %.0f%% "
                            + "of one core; heap used %d MB, live after GC %d MB; rss=%d MB%n",
                    label, run == 0 ? "warm-up" : "run", maxInFlight, batch, count, sent, failed, seconds,
                    count / seconds, jvmCores * 100, jvmCores * seconds * 1000 / count, emulatorCores * 100, heapUsed,
                    liveHeap, rssMb());
        }
    }

    private static void seedUsers(DynamoDbClient dynamo, int users) {
        List<WriteRequest> userItems = new ArrayList<>();
        List<WriteRequest> deviceItems = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            String user = String.format("bench-%07d", i);
            userItems.add(put(Map.of("userId", AttributeValue.fromS(user), "locale", AttributeValue.fromS("en"),
                    "timeZone", AttributeValue.fromS("UTC"), "quietHours", AttributeValue.fromS("00:00-00:00"))));
            deviceItems.add(put(Map.of("userId", AttributeValue.fromS(user), "token", AttributeValue.fromS("tok-" + user),
                    "platform", AttributeValue.fromS("android"))));
            if (userItems.size() == 25 || i == users - 1) {
                List<WriteRequest> u = List.copyOf(userItems);
                List<WriteRequest> d = List.copyOf(deviceItems);
                dynamo.batchWriteItem(b -> b.requestItems(Map.of("hearken-push-users", u)));
                dynamo.batchWriteItem(b -> b.requestItems(Map.of("hearken-push-devices", d)));
                userItems.clear();
                deviceItems.clear();
            }
        }
    }

    private static WriteRequest put(Map<String, AttributeValue> item) {
        return WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build();
    }

    private static SQSEvent.SQSMessage record(int i) {
        String user = String.format("bench-%07d", i);
        SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
        record.setMessageId("bench-msg-" + i);
        record.setReceiptHandle("bench-rh-" + i);
        record.setBody(JSON.createObjectNode().put("userId", user).put("program", "onboarding")
                .put("priority", "lifecycle").put("template", "bench").put("idempotencyKey", "bench:" + user)
                .set("data", JSON.createObjectNode().put("firstName", "Sam")).toString());
        return record;
    }

    /** Resident set size of this JVM (the test's, so the fake's server and the test harness are in it too). */
    private static long rssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) >> 10;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
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
