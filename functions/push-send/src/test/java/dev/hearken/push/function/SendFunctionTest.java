package dev.hearken.push.function;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearken.aws.config.TableNames;
import dev.hearken.aws.sqs.SqsRedelivery;
import dev.hearken.push.config.PushQueues;
import dev.hearken.push.config.PushSettings;
import dev.hearken.push.service.CampaignService;
import dev.hearken.testing.Events;
import dev.hearken.testing.aws.Emulator;
import dev.hearken.testing.aws.TemplateProvisioner;
import dev.hearken.testing.fakes.RecordedRequest;
import dev.hearken.testing.fakes.apns.ApnsFake;
import dev.hearken.testing.fakes.fcm.FcmFake;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.ActionAfterCompletion;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindowMode;
import software.amazon.awssdk.services.scheduler.model.GetScheduleResponse;
import software.amazon.awssdk.services.scheduler.model.ScheduleSummary;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * push-send inside Quarkus: SQS events posted to the Lambda mock event server, DynamoDB, SQS and
 * Secrets Manager in the emulator, FCM and APNs fakes. The decision clock is fixed at
 * {@link TestClock#START} (15:00 UTC), so quiet hours do not depend on when the tests run.
 */
@QuarkusTest
@QuarkusTestResource(value = PushEmulatorResource.class, restrictToAnnotatedClass = false)
class SendFunctionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TableNames tables;

    @Inject
    PushQueues queues;

    @Inject
    DynamoDbClient dynamo;

    @Inject
    SqsClient sqs;

    @Inject
    CampaignFunction campaigns;

    @Inject
    SchedulerClient scheduler;

    @Inject
    PushSettings settings;

    private final FcmFake fcm = PushEmulatorResource.FCM;
    private final ApnsFake apns = PushEmulatorResource.APNS;

    @BeforeEach
    void reset() {
        TestClock.CLOCK.set(TestClock.START);
        fcm.reset();
        fcm.latency(Duration.ZERO);
        apns.reset();
        sqs.purgeQueue(b -> b.queueUrl(queueUrl("hearken-push")));
        sqs.purgeQueue(b -> b.queueUrl(queueUrl("hearken-push-dlq")));
        deferralSchedules().forEach(s -> scheduler.deleteSchedule(b -> b.groupName(s.groupName()).name(s.name())));
    }

    @Test
    void every_table_and_queue_the_function_uses_is_declared_in_the_cdk_template() {
        TemplateProvisioner template = TemplateProvisioner.fromClasspath();
        assertThat(template.tableNames()).contains(tables.pushUsers(), tables.pushDevices(), tables.pushCaps(),
                tables.pushDeliveries(), tables.pushSends(), tables.pushTemplates(), tables.pushCampaigns(),
                tables.pushSegments(), tables.experiments(), tables.exposures());
        assertThat(queueUrl(queues.pushName())).endsWith("/hearken-push");
        assertThat(queueUrl(queues.pushDlqName())).endsWith("/hearken-push-dlq");
    }

    @Test
    void a_batch_with_one_malformed_record_reports_exactly_that_record_as_failed() {
        JsonPath response = invoke(Events.load("push-send", "sqs-batch-one-bad"));

        assertThat(response.getList("batchItemFailures.itemIdentifier")).containsExactly("msg-push-bad-1");
        // the good neighbours were processed: user-1003's transactional message reached both devices
        assertThat(fcm.delivered()).hasSize(1);
        assertThat(apns.delivered()).hasSize(1);
    }

    @Test
    void the_records_of_a_batch_are_sent_at_the_same_time_and_a_bad_one_is_still_reported_alone() {
        // given eight users with an android device each, FCM answering after 1 s, and a malformed record among them
        Duration latency = Duration.ofSeconds(1);
        List<String> records = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            user("par-user-" + i, "en", "UTC", "00:00-00:00");
            device("par-user-" + i, "par-android-token-" + i, "android");
            records.add(record("msg-par-" + i, message("par-user-" + i, "transactional", "ticket-answered",
                    "support:par:" + i), "rh-par-" + i));
            if (i == 4) {
                records.add(record("msg-par-bad", "{\"userId\":", "rh-par-bad"));
            }
        }
        fcm.latency(latency);

        // when Funqy hands the batch to the function
        JsonPath response = invoke(sqsEvent(records));

        // then exactly the malformed record failed, and the fake held the good ones' sends at the same time
        assertThat(response.getList("batchItemFailures.itemIdentifier")).containsExactly("msg-par-bad");
        assertThat(fcm.delivered()).hasSize(8);
        assertThat(mostInFlight(fcm.delivered(), latency)).as("sends the FCM fake held at once").isGreaterThanOrEqualTo(4);
    }

    @Test
    void the_ok_batch_sends_localised_copy_removes_the_dead_token_and_records_every_delivery() {
        JsonPath response = invoke(Events.load("push-send", "sqs-batch-ok"));

        assertThat(response.getList("batchItemFailures")).isEmpty();
        // user-1001 (pt-BR, android) is in onboarding-push-copy's control: the pt-BR control copy
        RecordedRequest ana = fcm.delivered().stream()
                .filter(r -> r.body().contains("Pixel8")).findFirst().orElseThrow();
        assertThat(JsonPath.from(ana.body()).getString("message.notification.title")).isEqualTo("Boas-vindas ao Lumen, Ana!");
        assertThat(ana.header("authorization")).startsWith("Bearer ya29.");
        // user-1002 (en-US, ios) got the transactional reply notice through APNs over HTTP/2, with a provider JWT
        assertThat(apns.delivered()).extracting(RecordedRequest::path)
                .contains("/3/device/00fc13adff785122b4ad28809a3420982341241421348097878e577c991de8f0");
        assertThat(apns.recorded()).extracting(RecordedRequest::protocol).containsOnly("HTTP/2");
        // (the batch's records run concurrently: pick user-1002's request, not the first one)
        RecordedRequest ticket = apns.delivered().stream().filter(r -> r.path().startsWith("/3/device/00fc13ad"))
                .findFirst().orElseThrow();
        assertThat(ticket.header("authorization")).startsWith("bearer ey");
        assertThat(ticket.header("apns-topic")).isEqualTo("com.example.lumen");
        assertThat(ticket.header("apns-push-type")).isEqualTo("alert");
        assertThat(ticket.header("apns-priority")).isEqualTo("10");
        assertThat(ticket.header("apns-expiration")).matches("\\d{10}");
        assertThat(ticket.header("apns-collapse-id")).isNotBlank();
        assertThat(JsonPath.from(ticket.body()).getString("aps.alert.body")).contains("#35436");
        // user-1004's android token is dead: removed; the ios device still got the message
        assertThat(devices("user-1004")).containsExactly("4f2e6b8a10c3d5e7f9a1b3c5d7e9f1a3b5c7d9e1f3a5b7c9d1e3f5a7b9c1d3e5");
        List<Map<String, AttributeValue>> records = deliveries("onboarding:day1:user-1001");
        assertThat(records).singleElement().satisfies(item -> {
            assertThat(item.get("outcome").s()).isEqualTo("sent");
            assertThat(item.get("channel").s()).isEqualTo("fcm");
            assertThat(item.get("experimentKey").s()).isEqualTo("onboarding-push-copy");
            assertThat(item.get("variationKey").s()).isEqualTo("control");
            assertThat(item.get("locale").s()).isEqualTo("pt-BR");
            assertThat(item.get("expiresAt").n()).matches("\\d{10}");
        });
        assertThat(deliveries("onboarding:day1:user-1004")).extracting(i -> i.get("reason") == null
                ? i.get("outcome").s() : i.get("outcome").s() + " " + i.get("reason").s())
                .containsExactlyInAnyOrder("failed dead-token:fcm:UNREGISTERED", "sent");
    }

    @Test
    void a_redelivered_message_never_produces_a_second_push() {
        String event = sqsEvent(List.of(record("msg-dup-1", message("dup-user", "transactional", "ticket-answered",
                "support:ticket-1:dup-user"), "rh-dup-1")));
        user("dup-user", "en", "UTC", "22:00-08:00");
        device("dup-user", "dup-android-token", "android");

        invoke(event);
        invoke(event);

        assertThat(fcm.delivered()).hasSize(1);
    }

    @Test
    void a_quota_error_waits_as_a_delayed_copy_without_failing_the_record_and_the_copy_sends_once() throws Exception {
        user("quota-user", "en", "UTC", "00:00-00:00");
        device("quota-user", "quota-android-token", "android");
        String body = message("quota-user", "lifecycle", "onboarding-day1", "onboarding:day1:quota-user");
        String url = queueUrl("hearken-push");
        sqs.sendMessage(b -> b.queueUrl(url).messageBody(body));
        Message received = sqs.receiveMessage(b -> b.queueUrl(url).visibilityTimeout(600).waitTimeSeconds(2)).messages().get(0);
        fcm.inject(FcmFake.quotaExceeded(1, 2));

        JsonPath response = invoke(sqsEvent(List.of(record(received.messageId(), body, received.receiptHandle()))));

        assertThat(response.getList("batchItemFailures")).as("waiting is not failing").isEmpty();
        sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(received.receiptHandle())); // as Lambda does
        // a copy, visible after Retry-After (2 s), counting its wait — not the original back after 600 s
        List<Message> again = sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(8).messageAttributeNames("All")
                .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).messages();
        assertThat(again).singleElement().satisfies(m -> {
            assertThat(m.messageId()).isNotEqualTo(received.messageId());
            assertThat(m.messageAttributes().get(SqsRedelivery.ATTEMPTS).stringValue()).isEqualTo("1");
        });
        assertThat(deliveries("onboarding:day1:quota-user")).extracting(i -> i.get("reason").s())
                .containsExactly("retry:fcm:QUOTA_EXCEEDED");
        // the copy sends, and counts the cap once
        invoke(sqsEvent(List.of(record(again.get(0).messageId(), body, again.get(0).receiptHandle()))));
        sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(again.get(0).receiptHandle()));
        assertThat(fcm.delivered()).hasSize(1);
        assertThat(capCount("quota-user", "d#2026-03-20")).isEqualTo(1);
    }

    @Test
    void a_push_that_waited_past_the_bound_is_dropped_and_its_delivery_recorded_expired() throws Exception {
        user("late-user", "en", "UTC", "00:00-00:00");
        device("late-user", "late-android-token", "android");
        String body = message("late-user", "lifecycle", "onboarding-day1", "onboarding:day1:late-user");
        fcm.inject(FcmFake.quotaExceeded(1, 2));
        ObjectNode old = (ObjectNode) JSON.readTree(record("msg-late", body, "rh-late"));
        ((ObjectNode) old.get("messageAttributes")).putObject(SqsRedelivery.WAITING_SINCE).put("dataType", "String")
                .put("stringValue", java.time.Instant.now().minus(Duration.ofHours(7)).toString());

        JsonPath response = invoke(sqsEvent(List.of(old.toString())));

        assertThat(response.getList("batchItemFailures")).isEmpty();
        assertThat(deliveries("onboarding:day1:late-user")).extracting(i -> i.get("outcome").s() + " " + i.get("reason").s())
                .containsExactlyInAnyOrder("failed retry:fcm:QUOTA_EXCEEDED", "expired waited-too-long:fcm:QUOTA_EXCEEDED");
        assertThat(sqs.receiveMessage(b -> b.queueUrl(queueUrl("hearken-push")).waitTimeSeconds(3)).messages())
                .as("nothing waits any more").isEmpty();
        assertThat(fcm.delivered()).isEmpty();
    }

    @Test
    void a_promotion_arriving_at_night_in_tokyo_becomes_one_schedule_at_8_local_time_and_a_redelivery_adds_none()
            throws Exception {
        // given the sample's promotion for user-1003 (Tokyo) at 15:00 UTC: midnight there, quiet until 08:00 = 23:00 UTC
        String event = Events.load("push-send", "sqs-promo-quiet-hours");

        // when it arrives, and arrives again (SQS delivers at least once)
        JsonPath first = invoke(event);
        JsonPath again = invoke(event);

        // then exactly one schedule brings it back at 08:00 Tokyo, to the push queue, with the message itself
        assertThat(first.getList("batchItemFailures")).isEmpty();
        assertThat(again.getList("batchItemFailures")).isEmpty();
        assertThat(deferralSchedules()).singleElement().satisfies(summary -> {
            assertThat(summary.groupName()).isEqualTo("hearken-push-deferrals");
            assertThat(summary.name()).startsWith("20260320T2300Z-");
        });
        GetScheduleResponse schedule = scheduler.getSchedule(b -> b.groupName("hearken-push-deferrals")
                .name(deferralSchedules().get(0).name()));
        assertThat(schedule.scheduleExpression()).isEqualTo("at(2026-03-20T23:00:00)");
        assertThat(schedule.scheduleExpressionTimezone()).isEqualTo("UTC");
        assertThat(schedule.flexibleTimeWindow().mode()).isEqualTo(FlexibleTimeWindowMode.OFF);
        assertThat(schedule.actionAfterCompletion()).isEqualTo(ActionAfterCompletion.DELETE);
        assertThat(schedule.target().arn()).isEqualTo(queueArn("hearken-push"));
        assertThat(schedule.target().roleArn()).isEqualTo(PushEmulatorResource.DEFERRAL_ROLE_ARN);
        String sent = JsonPath.from(event).getString("Records[0].body");
        assertThat(JSON.readTree(schedule.target().input())).isEqualTo(JSON.readTree(sent));
        // nothing pushed, nothing on the queue now, and each arrival recorded as a deferral
        assertThat(fcm.delivered()).isEmpty();
        assertThat(apns.delivered()).isEmpty();
        assertThat(sqs.receiveMessage(b -> b.queueUrl(queueUrl("hearken-push")).waitTimeSeconds(1)).messages()).isEmpty();
        assertThat(deliveries("spring-sale-2026:push:user-1003")).extracting(i -> i.get("outcome").s() + " " + i.get("reason").s())
                .containsExactly("deferred quiet-hours", "deferred quiet-hours");
    }

    @Test
    void a_wait_shorter_than_15_minutes_is_still_an_sqs_delay_and_no_schedule() {
        // given 3 s before 08:00 in Tokyo
        TestClock.CLOCK.set(Instant.parse("2026-03-20T22:59:57Z"));
        String body = message("user-1003", "lifecycle", "onboarding-day1", "onboarding:day1:user-1003:soon");

        invoke(sqsEvent(List.of(record("msg-soon-1", body, "rh-soon-1"))));

        // then it is back on the queue after those 3 s, and nothing was scheduled
        List<Message> back = sqs.receiveMessage(b -> b.queueUrl(queueUrl("hearken-push")).waitTimeSeconds(10)).messages();
        assertThat(back).singleElement().satisfies(m -> assertThat(m.body()).contains("onboarding:day1:user-1003:soon"));
        assertThat(deferralSchedules()).isEmpty();
        assertThat(fcm.delivered()).isEmpty();
    }

    @Test
    void the_deferral_schedule_group_the_function_uses_is_declared_in_the_cdk_template() {
        assertThat(TemplateProvisioner.fromClasspath().scheduleGroupNames()).contains(settings.deferrals().group());
    }

    @Test
    void a_not_before_a_few_seconds_ahead_puts_the_message_back_on_the_queue_unsent() {
        user("later-user", "en", "UTC", "00:00-00:00");
        device("later-user", "later-android-token", "android");
        String message = message("later-user", "transactional", "ticket-answered", "support:ticket-2:later-user");
        String body = message.substring(0, message.length() - 1) + ",\"notBefore\":\"" + TestClock.START.plusSeconds(3) + "\"}";

        invoke(sqsEvent(List.of(record("msg-later-1", body, "rh-later-1"))));

        List<Message> back = sqs.receiveMessage(b -> b.queueUrl(queueUrl("hearken-push")).waitTimeSeconds(10)).messages();
        assertThat(back).singleElement().satisfies(m -> assertThat(m.body()).contains("support:ticket-2:later-user"));
        assertThat(fcm.delivered()).isEmpty();
    }

    @Test
    void after_two_promotions_today_a_third_is_capped_but_lifecycle_and_transactional_still_go() {
        user("cap-user", "en", "UTC", "00:00-00:00");
        device("cap-user", "cap-android-token", "android");
        List<String> records = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            records.add(record("msg-promo-" + i, message("cap-user", "promotional", "spring-sale", "promo:" + i + ":cap-user"), "rh" + i));
        }
        records.add(record("msg-life-1", message("cap-user", "lifecycle", "onboarding-day1", "life:1:cap-user"), "rh4"));
        records.add(record("msg-life-2", message("cap-user", "lifecycle", "onboarding-day1", "life:2:cap-user"), "rh5"));
        records.add(record("msg-tx-1", message("cap-user", "transactional", "ticket-answered", "tx:1:cap-user"), "rh6"));

        // one after the other: the records of one batch run concurrently, and which of them took a slot first would be chance
        records.forEach(r -> invoke(sqsEvent(List.of(r))));

        assertThat(fcm.delivered()).hasSize(4); // promo 1, 2, lifecycle 1, transactional
        assertThat(deliveries("promo:3:cap-user")).extracting(i -> i.get("outcome").s() + " " + i.get("reason").s())
                .containsExactly("capped cap:d#2026-03-20");
        assertThat(deliveries("life:2:cap-user")).extracting(i -> i.get("outcome").s() + " " + i.get("reason").s())
                .containsExactly("capped cap:d#2026-03-20");
        assertThat(capCount("cap-user", "d#2026-03-20")).isEqualTo(4);
    }

    @Test
    void an_apns_410_removes_the_token_and_an_fcm_invalid_argument_goes_to_the_dlq_with_its_reason() {
        user("mixed-user", "en", "UTC", "00:00-00:00");
        device("mixed-user", "dead" + "0".repeat(60), "ios");
        device("mixed-user", "invalid-token-format", "android");

        JsonPath response = invoke(sqsEvent(List.of(record("msg-mixed-1",
                message("mixed-user", "transactional", "ticket-answered", "support:ticket-3:mixed-user"), "rh-m"))));

        assertThat(response.getList("batchItemFailures")).isEmpty();
        assertThat(apns.recorded()).singleElement().satisfies(r -> {
            assertThat(r.protocol()).isEqualTo("HTTP/2");
            assertThat(r.status()).isEqualTo(410);
        });
        assertThat(devices("mixed-user")).containsExactly("invalid-token-format");
        List<Message> dead = sqs.receiveMessage(b -> b.queueUrl(queueUrl("hearken-push-dlq")).waitTimeSeconds(2)
                .messageAttributeNames("All")).messages();
        assertThat(dead).singleElement().satisfies(m -> {
            assertThat(m.body()).contains("support:ticket-3:mixed-user");
            assertThat(m.messageAttributes().get("failureReason").stringValue()).isEqualTo("fcm:INVALID_ARGUMENT");
        });
    }

    @Test
    void an_expired_access_token_is_refreshed_once_and_the_send_succeeds() {
        user("auth-user", "en", "UTC", "00:00-00:00");
        device("auth-user", "auth-android-token", "android");
        invoke(sqsEvent(List.of(record("msg-auth-0", message("auth-user", "transactional", "ticket-answered", "auth:0"), "rh"))));
        int issued = fcm.tokensIssued();
        fcm.revokeTokens();

        invoke(sqsEvent(List.of(record("msg-auth-1", message("auth-user", "transactional", "ticket-answered", "auth:1"), "rh"))));

        assertThat(fcm.delivered()).hasSize(2);
        assertThat(fcm.tokensIssued()).isEqualTo(issued + 1);
    }

    @Test
    void a_campaign_run_fans_the_segment_out_once_even_when_the_event_comes_twice() throws Exception {
        CampaignEvent event = JSON.readValue(Events.load("push-campaign", "campaign-scheduled"), CampaignEvent.class);

        CampaignService.RunResult first = campaigns.campaign(event);
        CampaignService.RunResult second = campaigns.campaign(event);

        assertThat(first.enqueued()).isEqualTo(5);
        assertThat(second.alreadyDone()).isTrue();
        List<String> bodies = new ArrayList<>();
        List<Message> page;
        do {
            page = sqs.receiveMessage(b -> b.queueUrl(queueUrl("hearken-push")).maxNumberOfMessages(10).waitTimeSeconds(1))
                    .messages();
            page.forEach(m -> bodies.add(m.body()));
        } while (!page.isEmpty());
        assertThat(bodies).hasSize(5).allSatisfy(b -> assertThat(b)
                .contains("\"program\":\"seasonal\"", "\"priority\":\"promotional\"",
                        "\"idempotencyKey\":\"spring-sale-2026:2026-03-20T08:00:00Z:user-"));
    }

    // --- helpers ---------------------------------------------------------------------------------

    /**
     * The most requests the fake held at once: each stays at least {@code latency} in the fake after it
     * arrived, so the requests that arrived within {@code latency} before another one were in flight with it.
     */
    private static long mostInFlight(List<RecordedRequest> requests, Duration latency) {
        return requests.stream().mapToLong(a -> requests.stream()
                .filter(b -> !b.at().isAfter(a.at()) && b.at().plus(latency).isAfter(a.at())).count())
                .max().orElse(0);
    }

    private static JsonPath invoke(String event) {
        return given().contentType("application/json").body(event)
                .when().post()
                .then().statusCode(200)
                .extract().jsonPath();
    }

    private static String message(String user, String priority, String template, String key) {
        ObjectNode m = JSON.createObjectNode().put("userId", user).put("program",
                        priority.equals("transactional") ? "support" : "onboarding")
                .put("priority", priority).put("template", template).put("idempotencyKey", key);
        m.putObject("data").put("firstName", "Sam").put("ticketId", "42");
        return m.toString();
    }

    private static String record(String id, String body, String receiptHandle) {
        ObjectNode r = JSON.createObjectNode().put("messageId", id).put("receiptHandle", receiptHandle).put("body", body)
                .put("eventSource", "aws:sqs").put("eventSourceARN", "arn:aws:sqs:us-east-1:123456789012:hearken-push")
                .put("awsRegion", "us-east-1");
        r.putObject("attributes").put("ApproximateReceiveCount", "1");
        r.putObject("messageAttributes");
        return r.toString();
    }

    private static String sqsEvent(List<String> records) {
        ObjectNode event = JSON.createObjectNode();
        ArrayNode array = event.putArray("Records");
        for (String r : records) {
            try {
                array.add(JSON.readTree(r));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return event.toString();
    }

    private List<ScheduleSummary> deferralSchedules() {
        return scheduler.listSchedules(b -> b.groupName(settings.deferrals().group())).schedules();
    }

    private String queueArn(String name) {
        return sqs.getQueueAttributes(b -> b.queueUrl(queueUrl(name)).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
    }

    private String queueUrl(String name) {
        return sqs.getQueueUrl(b -> b.queueName(name)).queueUrl();
    }

    private void user(String id, String locale, String zone, String quiet) {
        dynamo.putItem(b -> b.tableName(tables.pushUsers()).item(Map.of("userId", AttributeValue.fromS(id),
                "locale", AttributeValue.fromS(locale), "timeZone", AttributeValue.fromS(zone),
                "quietHours", AttributeValue.fromS(quiet))));
    }

    private void device(String user, String token, String platform) {
        dynamo.putItem(b -> b.tableName(tables.pushDevices()).item(Map.of("userId", AttributeValue.fromS(user),
                "token", AttributeValue.fromS(token), "platform", AttributeValue.fromS(platform))));
    }

    private List<String> devices(String user) {
        return dynamo.query(b -> b.tableName(tables.pushDevices()).keyConditionExpression("userId = :u")
                .expressionAttributeValues(Map.of(":u", AttributeValue.fromS(user)))).items().stream()
                .map(i -> i.get("token").s()).toList();
    }

    private long capCount(String user, String window) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(tables.pushCaps()).consistentRead(true)
                .key(Map.of("userId", AttributeValue.fromS(user), "window", AttributeValue.fromS(window)))).item();
        return item == null || item.isEmpty() ? 0 : Long.parseLong(item.get("count").n());
    }

    /** Delivery records of one message (any program: the key is unique), read across the shards by scanning. */
    private List<Map<String, AttributeValue>> deliveries(String key) {
        return dynamo.scan(b -> b.tableName(tables.pushDeliveries()).filterExpression("idempotencyKey = :k")
                .expressionAttributeValues(Map.of(":k", AttributeValue.fromS(key)))).items();
    }
}
