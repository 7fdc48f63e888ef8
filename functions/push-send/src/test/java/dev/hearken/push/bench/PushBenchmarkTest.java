package dev.hearken.push.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.push.aws.DynamoDbCampaignStore;
import dev.hearken.push.aws.DynamoDbDeliveryLog;
import dev.hearken.push.aws.DynamoDbFrequencyCaps;
import dev.hearken.push.aws.DynamoDbSendLedger;
import dev.hearken.push.aws.DynamoDbTemplateCatalogue;
import dev.hearken.push.aws.DynamoDbUserDirectory;
import dev.hearken.push.aws.ElasticMq;
import dev.hearken.push.aws.SqsPushQueue;
import dev.hearken.aws.sqs.SqsRedelivery;
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
import dev.hearken.push.provider.FcmGateway;
import dev.hearken.aws.secrets.SecretReader;
import dev.hearken.integrations.auth.GoogleAccessTokens;
import dev.hearken.integrations.fcm.FcmClient;
import java.net.URI;
import dev.hearken.push.service.CampaignService;
import dev.hearken.push.service.PushPolicy;
import dev.hearken.push.service.PushPorts;
import dev.hearken.push.service.PushService;
import com.sun.management.OperatingSystemMXBean;
import dev.hearken.testing.aws.Dynalite;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;

/**
 * Throughput measurements, off by default: {@code ./mvnw -B verify -pl functions/push-send
 * -Dtest=PushBenchmarkTest -Dpush.bench=true}. Prints the numbers quoted in the README (lines starting
 * with {@code BENCH}). Tagged {@code benchmark}, so a build can leave the class out altogether; the property
 * still guards it where the tag is not filtered.
 */
@Tag("benchmark")
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
            FcmGateway gateway = fcmGateway(fake, emulator, http);
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
     * Every message is a lifecycle push to a user with one Android device: 9 DynamoDB calls (the program
     * counters are left out here) and one FCM call.
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
                PushService push = new PushService(PushPorts.pushOnly(
                        new DynamoDbUserDirectory(dynamo, "hearken-push-users", "hearken-push-devices"),
                        new DynamoDbFrequencyCaps(dynamo, "hearken-push-caps"),
                        new DynamoDbSendLedger(dynamo, "hearken-push-sends", Duration.ofDays(30)),
                        new DynamoDbDeliveryLog(dynamo, "hearken-push-deliveries", Duration.ofDays(90), 8),
                        new DynamoDbTemplateCatalogue(dynamo, "hearken-push-templates", Duration.ofSeconds(60),
                                Clock.systemUTC()),
                        null, Map.of(Platform.ANDROID, fcm(fake)), unusedQueue()), POLICY, Clock.systemUTC(), deviceSends);
                measure("dynalite", push, fake, messages, inFlight, dynalite::cpu);
            }
            dynamo.close();
        }
    }

    /**
     * The same worker and FCM fake, with the DynamoDB ports replaced by {@link SimulatedDynamo}: every call
     * takes {@code push.bench.dynamo-latency-ms} (5) and calls do not slow each other down, as DynamoDB
     * behaves for one instance — what the worker does once the emulator is not the bound. The program
     * counters are one of the simulated calls, so all 10 of the function's calls are there.
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
            PushService push = new PushService(PushPorts.pushOnly(dynamo, dynamo, dynamo, dynamo, dynamo, null,
                    Map.of(Platform.ANDROID, fcm(fake)), unusedQueue()).withCounters(dynamo), POLICY, Clock.systemUTC(),
                    deviceSends);
            long before = dynamo.calls();
            measure("dynamodb-at-" + dynamoLatency.toMillis() + "ms", push, fake, messages, inFlight(), () -> Duration.ZERO);
            System.out.printf("BENCH worker dynamodb-at-%dms %.1f simulated DynamoDB calls per message%n",
                    dynamoLatency.toMillis(), (dynamo.calls() - before) / (double) fake.delivered().size());
        }
    }

    private static final String TITLE = "Hello {firstName}";
    private static final String BODY = "Your weekly summary is ready";
    private static final PushPolicy POLICY =
            new PushPolicy(new CapLimits(3, 2, 10, 5), Duration.ofSeconds(900), Duration.ofSeconds(60));

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
        return new BoundedGateway(fcmGateway(fake, emulator, http), 100);
    }

    private static FcmGateway fcmGateway(FcmFake fake, Emulator emulator, HttpClient http) {
        GoogleAccessTokens tokens = new GoogleAccessTokens(new SecretReader(emulator.secrets(), JSON, Duration.ZERO),
                "hearken/fcm", Optional.of(URI.create(fake.baseUri() + "/token")), http, JSON, Duration.ofSeconds(5),
                Duration.ofMinutes(5), Clock.systemUTC());
        return new FcmGateway(new FcmClient(fake.baseUri().toString(), http, JSON, Duration.ofSeconds(5), tokens),
                Duration.ofSeconds(60));
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
        SqsRedelivery visibility = new SqsRedelivery(Emulator.shared().sqs(),
                () -> Emulator.shared().endpoint() + "/000000000000/hearken-push",
                () -> Emulator.shared().endpoint() + "/000000000000/hearken-push-dlq",
                new dev.hearken.aws.config.WaitingSettings() {
                    @Override
                    public Duration maxAge() {
                        return Duration.ofHours(6);
                    }

                    @Override
                    public Duration minDelay() {
                        return Duration.ofSeconds(1);
                    }

                    @Override
                    public int maxReceives() {
                        return 5;
                    }
                }, java.time.Clock.systemUTC());
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
        return rssMb("self");
    }

    /** Resident set size of process {@code pid} ("self" for this JVM); -1 where /proc does not tell. */
    private static long rssMb(String pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
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

    /**
     * A campaign fan-out at full size, on the production path: {@code CampaignService} with
     * {@code DynamoDbCampaignStore} on dynalite and {@code SqsPushQueue} on ElasticMQ (its own JVM), pages of
     * 500, {@code SendMessageBatch} of 10 with 8 in parallel, the function's 12-minute budget
     * ({@code push.bench.fanout.budget}, ISO-8601) with its hops driven as the "Campaign Continued" events would
     * drive them. {@code -Dpush.bench.fanout.users=N} (default 1,000,000). Seeding the segment is set-up, timed
     * apart. At the end the queue must hold exactly one message per user, and a sample of
     * {@code push.bench.fanout.sample} (10,000) received messages must name each user once.
     */
    @Test
    void campaign_fan_out_of_a_million_users_against_dynalite_and_elasticmq() throws Exception {
        int users = Integer.getInteger("push.bench.fanout.users", 1_000_000);
        Duration budget = Duration.parse(System.getProperty("push.bench.fanout.budget", "PT12M"));
        // as PushBeans does at start-up (max-in-flight 100): more idle connections kept than the 8 senders use
        System.setProperty("http.maxConnections", "100");
        try (Dynalite dynalite = Dynalite.start(); ElasticMq elasticMq = ElasticMq.start()) {
            assumeThat(dynalite).as("dynalite (npm) could not be installed").isNotNull();
            assumeThat(elasticMq).as("ElasticMQ could not be resolved with Maven").isNotNull();
            DynamoDbClient dynamo = dynalite.client();
            dynalite.createTables(dynamo, List.of("hearken-push-campaigns", "hearken-push-segments", "hearken-push-sends"));
            LongAdder batchCalls = new LongAdder();
            SqsClient sqs = elasticMq.client(new ExecutionInterceptor() {
                @Override
                public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                    if (context.request() instanceof SendMessageBatchRequest) {
                        batchCalls.increment(); // every attempt that goes on the wire, retries included
                    }
                }
            });
            // the stack's queue; its other attributes (redrive, retention) play no part in a fan-out
            String url = sqs.createQueue(b -> b.queueName("hearken-push")
                    .attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "180"))).queueUrl();

            String campaign = "bench-million";
            long seedStart = System.nanoTime();
            seedSegment(dynamo, campaign, users, 4);
            double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
            System.out.printf("BENCH fanout seeded a segment of %d users into dynalite: %.1f s, %.0f items/s "
                    + "(BatchWriteItem of 25, 4 threads); dynalite rss=%d MB%n", users, seedSeconds, users / seedSeconds,
                    rssMb(Long.toString(dynalite.pid())));
            dynamo.putItem(b -> b.tableName("hearken-push-campaigns").item(Map.of(
                    "campaignId", AttributeValue.fromS(campaign), "program", AttributeValue.fromS("seasonal"),
                    "priority", AttributeValue.fromS("promotional"), "template", AttributeValue.fromS("spring-sale"),
                    "data", AttributeValue.fromM(Map.of("offer", AttributeValue.fromS("40% off Premium"))),
                    "segmentId", AttributeValue.fromS(campaign))));

            AtomicLong scheduledHop = new AtomicLong(-1);
            CampaignService service = new CampaignService(new DynamoDbCampaignStore(dynamo, "hearken-push-campaigns",
                    "hearken-push-segments", "hearken-push-sends", Duration.ofDays(30), Clock.systemUTC()),
                    new SqsPushQueue(sqs, JSON, () -> url, () -> url), 500, 8, budget, Clock.systemUTC(),
                    (campaignId, runId, hop) -> scheduledHop.set(hop));
            OperatingSystemMXBean os = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);
            long jvmCpu = os.getProcessCpuTime();
            Duration dynaliteCpu = dynalite.cpu();
            Duration elasticMqCpu = elasticMq.cpu();
            CampaignService.RunResult result;
            int invocations = 0;
            double seconds;
            long start = System.nanoTime();
            try (HeapWatch heap = new HeapWatch()) {
                long hop = 0;
                while (true) { // one iteration per invocation of push-campaign
                    invocations++;
                    result = service.run(campaign, "bench-run", hop);
                    if (result.done()) {
                        break;
                    }
                    assertThat(result.continued()).as("invocation %d handed over", invocations).isTrue();
                    hop = scheduledHop.get();
                }
                seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("BENCH fanout users=%d enqueued=%d invocations=%d (budget %s) %.1f s %.0f messages/s; "
                                + "SendMessageBatch calls=%d (%.0f/s); CPU: test JVM %.0f%%, dynalite %.0f%%, ElasticMQ %.0f%% "
                                + "of one core; heap of the test JVM: max in use %d MB, max after a GC %d MB (%d GCs, "
                                + "-Xmx %d MB); rss: ElasticMQ %d MB, dynalite %d MB%n",
                        users, result.enqueued(), invocations, budget, seconds, result.enqueued() / seconds,
                        batchCalls.sum(), batchCalls.sum() / seconds,
                        (os.getProcessCpuTime() - jvmCpu) / 1e9 / seconds * 100,
                        dynalite.cpu().minus(dynaliteCpu).toNanos() / 1e9 / seconds * 100,
                        elasticMq.cpu().minus(elasticMqCpu).toNanos() / 1e9 / seconds * 100,
                        heap.maxUsedMb(), heap.maxAfterGcMb(), heap.collections(), Runtime.getRuntime().maxMemory() >> 20,
                        rssMb(Long.toString(elasticMq.pid())), rssMb(Long.toString(dynalite.pid())));
            }

            Map<QueueAttributeName, String> queue = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
            int sample = Math.min(users, Integer.getInteger("push.bench.fanout.sample", 10_000));
            Set<String> sampled = new HashSet<>();
            int received = 0;
            while (received < sample) {
                List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)
                        .visibilityTimeout(3600)).messages();
                if (messages.isEmpty()) {
                    break;
                }
                for (Message m : messages) {
                    JsonNode body = JSON.readTree(m.body());
                    assertThat(body.path("idempotencyKey").asText())
                            .isEqualTo(campaign + ":bench-run:" + body.path("userId").asText());
                    sampled.add(body.path("userId").asText());
                    received++;
                }
            }
            System.out.printf("BENCH fanout queue hearken-push: ApproximateNumberOfMessages=%s (not visible %s, delayed %s); "
                            + "sample of %d received messages: %d distinct user ids%n",
                    queue.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES),
                    queue.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE),
                    queue.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED), received, sampled.size());

            assertThat(result.enqueued()).isEqualTo(users);
            assertThat(queue.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).isEqualTo(Integer.toString(users));
            assertThat(received).isEqualTo(sample);
            assertThat(sampled).hasSize(received);
            sqs.close();
            dynamo.close();
        }
    }

    /**
     * {@code users} ids ({@code u0000000}…) into segment {@code segmentId} with {@code BatchWriteItem} of 25 on
     * {@code threads} threads, each writing its own stretch of ids (never the whole list in memory).
     */
    private static void seedSegment(DynamoDbClient dynamo, String segmentId, int users, int threads) throws Exception {
        List<Future<?>> writers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            int stretch = (users + threads - 1) / threads;
            for (int t = 0; t < threads; t++) {
                int from = t * stretch;
                int to = Math.min(users, from + stretch);
                writers.add(pool.submit(() -> {
                    for (int i = from; i < to; i += 25) {
                        List<WriteRequest> chunk = new ArrayList<>(25);
                        for (int u = i; u < Math.min(to, i + 25); u++) {
                            chunk.add(put(Map.of("segmentId", AttributeValue.fromS(segmentId),
                                    "userId", AttributeValue.fromS(String.format("u%07d", u)))));
                        }
                        Map<String, List<WriteRequest>> pending = Map.of("hearken-push-segments", chunk);
                        while (!pending.isEmpty()) { // DynamoDB may hand items back unprocessed
                            Map<String, List<WriteRequest>> request = pending;
                            pending = dynamo.batchWriteItem(b -> b.requestItems(request)).unprocessedItems();
                        }
                    }
                }));
            }
        }
        for (Future<?> writer : writers) {
            writer.get();
        }
    }
}
