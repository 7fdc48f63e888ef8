package dev.hearken.push.function;

import static dev.hearken.push.function.AdminCalls.call;
import static dev.hearken.push.function.AdminCalls.unsigned;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearken.aws.admin.AttributeJson;
import dev.hearken.aws.config.TableNames;
import dev.hearken.push.admin.CampaignSchema;
import dev.hearken.push.admin.CatalogueLookups;
import dev.hearken.push.aws.CampaignSchedules;
import dev.hearken.push.aws.DynamoDbCampaignStore;
import dev.hearken.push.aws.DynamoDbTemplateCatalogue;
import dev.hearken.push.domain.Template;
import dev.hearken.push.function.AdminCalls.Answer;
import dev.hearken.push.service.CampaignService;
import dev.hearken.testing.RepositoryRoot;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.GetScheduleResponse;
import software.amazon.awssdk.services.scheduler.model.ResourceNotFoundException;

/**
 * The push-admin Lambda (same artifact, export {@code admin}): operator requests as API Gateway HTTP API envelopes
 * ({@code events/push-admin/}) through the Lambda mock event server, against moto's DynamoDB and EventBridge
 * Scheduler — templates, segments and campaigns created, read, changed and refused, campaign schedules read back
 * with {@code GetSchedule}, and what the API wrote read by push-send's own adapters.
 */
@QuarkusTest
@TestProfile(PushAdminFunctionTest.AdminExport.class)
class PushAdminFunctionTest {

    static final String ROLE = "arn:aws:iam::123456789012:role/hearken-push-campaign-scheduler-test";
    static final String BUS = "arn:aws:events:us-east-1:123456789012:event-bus/default";

    /** Runs the application with {@code QUARKUS_FUNQY_EXPORT=admin} and the schedule settings the CDK stack gives it. */
    public static class AdminExport implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.funqy.export", "admin",
                    "hearken.push.admin.campaign-scheduler-role-arn", ROLE,
                    "hearken.push.admin.campaign-event-bus-arn", BUS);
        }
    }

    private static final String TEMPLATE = "/admin/push-templates/{templateId}/{locale}";
    private static final String CAMPAIGNS = "/admin/campaigns";
    private static final String CAMPAIGN = "/admin/campaigns/{campaignId}";
    private static final String SEGMENT = "/admin/segments/{segmentId}";
    private static final String MEMBER = "/admin/segments/{segmentId}/members/{userId}";
    private static final String COPY = "{\"variants\":{\"control\":{\"title\":\"Hi {firstName}\",\"body\":\"New for you.\"}}}";

    @Inject
    DynamoDbClient dynamo;

    @Inject
    TableNames tables;

    @Inject
    SchedulerClient scheduler;

    @Inject
    CampaignService campaigns;

    @BeforeEach
    void a_fixed_now() {
        TestClock.CLOCK.set(TestClock.START); // 2026-03-20T15:00:00Z: the schedules' "at" below are in its future
    }

    private static String id(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    // --- templates ------------------------------------------------------------------------------

    @Test
    void an_operator_creates_reads_updates_and_deletes_a_template_locale_and_its_history_lists_each_change() {
        Map<String, String> key = Map.of("templateId", id("tpl"), "locale", "pt-BR");

        Answer created = call("PUT", TEMPLATE, key, null, COPY);
        Answer updated = call("PUT", TEMPLATE, key, "\"1\"",
                "{\"experimentKey\":\"onboarding-push-copy\",\"variants\":{\"control\":{\"title\":\"Oi\",\"body\":\"Novidades.\"}}}");
        Answer read = call("GET", TEMPLATE, key, null, null);
        Answer deleted = call("DELETE", TEMPLATE, key, "\"2\"", null);
        Answer history = call("GET", TEMPLATE + "/history", key, null, null);

        assertThat(created.status()).isEqualTo(201);
        assertThat(updated.status()).isEqualTo(200);
        assertThat(read.body().path("variants").path("control").path("title").asText()).isEqualTo("Oi");
        assertThat(read.body().path("experimentKey").asText()).isEqualTo("onboarding-push-copy");
        assertThat(read.headers().path("etag").asText()).isEqualTo("\"2\"");
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(call("GET", TEMPLATE, key, null, null).status()).isEqualTo(404);
        assertThat(history.body().path("items")).extracting(e -> e.path("action").asText())
                .containsExactly("delete", "update", "create");
        assertThat(history.body().path("items").get(0).path("author").asText())
                .isEqualTo("arn:aws:sts::123456789012:assumed-role/hearken-operators/ana.lima");
    }

    @Test
    void a_template_written_through_the_api_is_what_push_send_reads_and_renders() {
        String templateId = id("tpl");
        call("PUT", TEMPLATE, Map.of("templateId", templateId, "locale", "en"), null, "{\"experimentKey\":\"exp-1\","
                + "\"variants\":{\"control\":{\"title\":\"Hi {firstName}\",\"body\":\"Body {x}\"},"
                + "\"bold\":{\"title\":\"HEY {firstName}\",\"body\":\"Bold {x}\"}},"
                + "\"email\":{\"control\":{\"subject\":\"Mail for {firstName}\",\"text\":\"Text\",\"html\":\"<p>{firstName}</p>\"}}}");
        call("PUT", TEMPLATE, Map.of("templateId", templateId, "locale", "es"), null,
                "{\"email\":{\"control\":{\"subject\":\"Hola\",\"text\":\"Texto\"}}}");

        Template template = new DynamoDbTemplateCatalogue(dynamo, tables.pushTemplates(), Duration.ZERO,
                Clock.systemUTC()).find(templateId).orElseThrow();

        assertThat(template.experimentKey()).isEqualTo("exp-1");
        assertThat(template.resolve("en-GB", "bold").orElseThrow().render(Map.of("firstName", "Ana", "x", "1")).title())
                .isEqualTo("HEY Ana");
        assertThat(template.resolveEmail("en", "control").orElseThrow().render(Map.of("firstName", "<b>")).html())
                .isEqualTo("<p>&lt;b&gt;</p>");
        assertThat(template.resolveEmail("es", "control").orElseThrow().copy().subject()).isEqualTo("Hola");
        assertThat(template.resolve("es", null).orElseThrow().locale()).isEqualTo("en");
    }

    @ParameterizedTest(name = "{0} → 400 naming {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"variants\":{\"control\":{\"title\":\"" + "This title is far too long for any phone to show on its lock screen, really" + "\",\"body\":\"b\"}}} | variants.control.title",
            "{\"variants\":{\"control\":{\"title\":\"t\"}}} | variants.control.body",
            "{\"variants\":{\"control\":{\"title\":\"t\",\"body\":\"Hi {first name}\"}}} | variants.control.body",
            "{\"variants\":{\"control\":{\"title\":\"t\",\"body\":\"b\",\"subtitle\":\"s\"}}} | variants.control.subtitle",
            "{\"variants\":{}} | variants",
            "{\"colour\":\"red\",\"variants\":{\"control\":{\"body\":\"b\"}}} | colour",
            "{\"email\":{\"control\":{\"subject\":\"Line one\\nBcc: x@example.com\",\"text\":\"t\"}}} | email.control.subject",
            "{\"email\":{\"control\":{\"subject\":\"s\"}}} | email.control.text",
            "{\"experimentKey\":\"../x\",\"variants\":{\"control\":{\"body\":\"b\"}}} | experimentKey",
            "{} | variants",
    })
    void an_invalid_template_is_refused_naming_the_field_and_nothing_is_written(String body, String field) {
        Map<String, String> key = Map.of("templateId", id("bad"), "locale", "en");

        Answer answer = call("PUT", TEMPLATE, key, null, body);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.field()).isEqualTo(field);
        assertThat(call("GET", TEMPLATE, key, null, null).status()).isEqualTo(404);
        assertThat(call("GET", TEMPLATE + "/history", key, null, null).body().path("items")).isEmpty();
    }

    @Test
    void a_locale_that_is_not_a_language_tag_is_refused_naming_locale() {
        Answer answer = call("PUT", TEMPLATE, Map.of("templateId", id("bad"), "locale", "english_UK"), null, COPY);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.field()).isEqualTo("locale");
    }

    @Test
    void every_shipped_template_validates_and_an_update_based_on_a_stale_version_is_a_409() throws Exception {
        JsonNode seeds = AdminCalls.JSON.readTree(Files.readString(
                RepositoryRoot.get().resolve("infra/seed/tables/push-templates.json")));
        dev.hearken.push.admin.PushTemplateSchema schema = new dev.hearken.push.admin.PushTemplateSchema();
        for (JsonNode seed : seeds) {
            com.fasterxml.jackson.databind.node.ObjectNode body = seed.deepCopy();
            body.remove(List.of("templateId", "locale"));
            // Accepted, and written back in exactly the shape it came in: the shape DynamoDbTemplateCatalogue reads.
            assertThat(AttributeJson.json(schema.item(Map.of("templateId", seed.path("templateId").asText(),
                    "locale", seed.path("locale").asText()), body))).isEqualTo(body);
        }
        Map<String, String> key = Map.of("templateId", id("tpl"), "locale", "en");
        call("PUT", TEMPLATE, key, null, COPY);
        call("PUT", TEMPLATE, key, "\"1\"", COPY);

        Answer stale = call("PUT", TEMPLATE, key, "\"1\"", COPY);

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.error()).isEqualTo("version_conflict");
        assertThat(stale.body().path("currentVersion").asInt()).isEqualTo(2);
    }

    @Test
    void a_request_without_an_iam_caller_is_a_401_read_or_write_and_writes_nothing() {
        Map<String, String> key = Map.of("templateId", id("tpl"), "locale", "en");

        Answer template = unsigned("PUT", TEMPLATE, key, COPY);
        Answer segment = unsigned("PUT", MEMBER, Map.of("segmentId", "seg-x", "userId", "user-1001"), null);
        Answer schedule = unsigned("POST", CAMPAIGN + "/schedule", Map.of("campaignId", "spring-sale-2026"),
                "{\"at\":\"2030-01-01T00:00:00Z\"}");

        Answer read = unsigned("GET", CAMPAIGN, Map.of("campaignId", "spring-sale-2026"), null);
        Answer list = unsigned("GET", CAMPAIGNS, Map.of(), null);

        assertThat(List.of(template.status(), segment.status(), schedule.status(), read.status(), list.status()))
                .containsOnly(401);
        assertThat(template.error()).isEqualTo("unauthenticated");
        assertThat(call("GET", TEMPLATE, key, null, null).status()).isEqualTo(404);
    }

    // --- segments -------------------------------------------------------------------------------

    @Test
    void an_operator_defines_a_segment_adds_and_removes_members_and_the_fan_out_reads_only_the_members() {
        String segmentId = id("seg");
        Map<String, String> segment = Map.of("segmentId", segmentId);

        Answer defined = call("PUT", SEGMENT, segment, null, "{\"description\":\"lapsed listeners\"}");
        Answer one = call("PUT", MEMBER, Map.of("segmentId", segmentId, "userId", "user-1001"), null, null);
        Answer again = call("PUT", MEMBER, Map.of("segmentId", segmentId, "userId", "user-1001"), null, null);
        Answer batch = call("POST", SEGMENT + "/members", segment, null,
                "{\"userIds\":[\"user-1001\",\"user-1002\",\"user-1003\",\"user-1002\"]}");
        Answer removed = call("DELETE", MEMBER, Map.of("segmentId", segmentId, "userId", "user-1003"), null, null);
        Answer gone = call("DELETE", MEMBER, Map.of("segmentId", segmentId, "userId", "user-1003"), null, null);
        Answer memberHistory = call("GET", MEMBER + "/history", Map.of("segmentId", segmentId, "userId", "user-1003"),
                null, null);

        assertThat(defined.status()).isEqualTo(201);
        assertThat(call("GET", SEGMENT, segment, null, null).body().path("description").asText())
                .isEqualTo("lapsed listeners");
        assertThat(List.of(one.status(), again.status(), batch.status(), removed.status(), gone.status()))
                .containsExactly(201, 200, 200, 204, 404);
        assertThat(batch.body().path("added").asInt()).isEqualTo(2);
        assertThat(batch.body().path("alreadyMembers").asInt()).isEqualTo(1);
        assertThat(memberHistory.body().path("items")).extracting(e -> e.path("action").asText())
                .containsExactly("delete", "add");
        DynamoDbCampaignStore store = new DynamoDbCampaignStore(dynamo, tables.pushCampaigns(), tables.pushSegments(),
                tables.pushSends(), Duration.ofDays(1), Clock.systemUTC());
        assertThat(store.segmentPage(segmentId, null, 10).userIds()).containsExactly("user-1001", "user-1002");
        assertThat(store.segmentPage(segmentId, null, 1).userIds()).isEmpty(); // the definition sorts first
    }

    @ParameterizedTest(name = "{0} {1} → 400 naming {3}")
    @CsvSource(delimiter = '|', value = {
            "PUT  | /admin/segments/{segmentId}         | {\"description\":\"\"}                          | description",
            "PUT  | /admin/segments/{segmentId}         | {\"name\":\"x\"}                                | name",
            "POST | /admin/segments/{segmentId}/members | {\"userIds\":[]}                                | userIds",
            "POST | /admin/segments/{segmentId}/members | {\"userIds\":[\"user-1\",\"bad id\"]}            | userIds[1]",
            "POST | /admin/segments/{segmentId}/members | {\"userIds\":[\"user-1\",7]}                     | userIds[1]",
            "POST | /admin/segments/{segmentId}/members | {\"users\":[\"user-1\"]}                        | users",
            "POST | /admin/segments/{segmentId}/members | {\"userIds\":\"user-1\"}                         | userIds",
    })
    void an_invalid_segment_request_is_refused_naming_the_field_and_nothing_is_written(String method, String route,
            String body, String field) {
        String segmentId = id("seg");

        Answer answer = call(method, route, Map.of("segmentId", segmentId), null, body);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.field()).isEqualTo(field);
        assertThat(dynamo.query(b -> b.tableName(tables.pushSegments()).keyConditionExpression("segmentId = :s")
                .expressionAttributeValues(Map.of(":s", software.amazon.awssdk.services.dynamodb.model.AttributeValue
                        .fromS(segmentId)))).count()).isZero();
    }

    @ParameterizedTest(name = "{0} {1} {2} → 400 naming {4}")
    @CsvSource(delimiter = '|', value = {
            "PUT    | /admin/segments/{segmentId}                  | seg-ok      | {\"description\":\"\"}              | description",
            "PUT    | /admin/segments/{segmentId}                  | seg-ok      | {\"description\":7}                 | description",
            "PUT    | /admin/segments/{segmentId}                  | seg-ok      | {\"segmentId\":\"other\"}          | segmentId",
            "PUT    | /admin/segments/{segmentId}                  | seg-ok      | {\"version\":-1}                    | version",
            "PUT    | /admin/segments/{segmentId}                  | bad seg     | {}                                   | segmentId",
            "PUT    | /admin/segments/{segmentId}/members/{userId} | seg-ok      | -                                    | userId",
            "DELETE | /admin/segments/{segmentId}/members/{userId} | seg-ok      | -                                    | userId",
            "POST   | /admin/campaigns                             | -           | {\"program\":\"seasonal\"}         | campaignId",
            "POST   | /admin/campaigns                             | -           | {\"campaignId\":\"../x\"}          | campaignId",
            "POST   | /admin/campaigns/{campaignId}/pause          | cmp-ok      | {\"reason\":\"x\"}                 | reason",
            "POST   | /admin/campaigns/{campaignId}/pause          | cmp-ok      | {\"version\":\"two\"}              | version",
            "POST   | /admin/campaigns/{campaignId}/cancel         | cmp-ok      | {\"version\":1.5}                   | version",
            "POST   | /admin/campaigns/{campaignId}/cancel         | cmp ok      | {}                                   | campaignId",
            "POST   | /admin/campaigns/{campaignId}/schedule       | cmp-ok      | {\"at\":\"2026-03-21T08:00:00Z\",\"version\":-3} | version",
    })
    void other_invalid_operator_requests_are_refused_naming_the_field(String method, String route, String id,
            String body, String field) {
        Map<String, String> path = new java.util.LinkedHashMap<>();
        if (route.contains("{segmentId}")) {
            path.put("segmentId", id);
        }
        if (route.contains("{userId}")) {
            path.put("userId", "not a user");
        }
        if (route.contains("{campaignId}")) {
            path.put("campaignId", id.equals("cmp-ok") ? draft() : id);
        }

        Answer answer = call(method, route, path, null, body.equals("-") ? null : body);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.field()).isEqualTo(field);
    }

    @Test
    void a_batch_of_more_than_a_thousand_members_is_refused_whole() {
        StringBuilder ids = new StringBuilder("{\"userIds\":[");
        for (int i = 0; i <= CampaignSchema.MAX_USER_IDS; i++) {
            ids.append(i == 0 ? "" : ",").append("\"user-").append(i).append('"');
        }
        Answer answer = call("POST", SEGMENT + "/members", Map.of("segmentId", id("seg")), null, ids + "]}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.field()).isEqualTo("userIds");
    }

    // --- campaigns ------------------------------------------------------------------------------

    @Test
    void every_shipped_campaign_validates_and_a_new_campaign_is_a_draft() throws Exception {
        CampaignSchema schema = new CampaignSchema(new CatalogueLookups(dynamo, tables.pushTemplates(), tables.pushSegments()));
        for (JsonNode seed : AdminCalls.JSON.readTree(Files.readString(
                RepositoryRoot.get().resolve("infra/seed/tables/push-campaigns.json")))) {
            com.fasterxml.jackson.databind.node.ObjectNode body = seed.deepCopy();
            body.remove("campaignId");
            com.fasterxml.jackson.databind.node.ObjectNode written = AttributeJson.json(
                    schema.item(Map.of("campaignId", seed.path("campaignId").asText()), body));
            assertThat(written.remove("status").asText()).isEqualTo("draft");
            assertThat(written).isEqualTo(body); // the shape DynamoDbCampaignStore reads

        }
        String campaignId = id("cmp");

        Answer created = call("POST", CAMPAIGNS, Map.of(), null, "{\"campaignId\":\"" + campaignId + "\","
                + "\"program\":\"seasonal\",\"priority\":\"Promotional\",\"template\":\"spring-sale\","
                + "\"data\":{\"deeplink\":\"lumen://x\"},\"userIds\":[\"user-1001\",\"user-1003\"]}");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().path("status").asText()).isEqualTo("draft");
        assertThat(created.body().path("priority").asText()).isEqualTo("promotional");
        assertThat(call("GET", CAMPAIGNS, Map.of(), null, null).body().path("items"))
                .anySatisfy(c -> assertThat(c.path("campaignId").asText()).isEqualTo(campaignId));
    }

    @ParameterizedTest(name = "{0} → 400 naming {1}")
    @CsvSource(delimiter = '|', value = {
            "\"program\":\"seasonal\",\"priority\":\"urgent\",\"template\":\"spring-sale\",\"segmentId\":\"spring-sale-2026-audience\" | priority",
            "\"program\":\"seasonal\",\"priority\":\"promotional\",\"template\":\"no-such-template\",\"segmentId\":\"spring-sale-2026-audience\" | template",
            "\"program\":\"seasonal\",\"priority\":\"promotional\",\"template\":\"spring-sale\",\"segmentId\":\"no-such-segment\" | segmentId",
            "\"program\":\"seasonal\",\"priority\":\"promotional\",\"template\":\"spring-sale\",\"segmentId\":\"spring-sale-2026-audience\",\"userIds\":[\"user-1\"] | segmentId",
            "\"program\":\"seasonal\",\"priority\":\"promotional\",\"template\":\"spring-sale\",\"userIds\":[\"user-1\"],\"status\":\"scheduled\" | status",
            "\"program\":\"seasonal\",\"priority\":\"promotional\",\"template\":\"spring-sale\",\"userIds\":[\"user-1\"],\"data\":{\"n\":3} | data.n",
            "\"program\":\"seasonal\",\"priority\":\"promotional\",\"template\":\"spring-sale\",\"userIds\":[\"user-1\"],\"notBefore\":\"tomorrow\" | notBefore",
            "\"program\":\"seasonal\",\"priority\":\"promotional\",\"template\":\"spring-sale\",\"userIds\":[\"user-1\"],\"budget\":5 | budget",
            "\"priority\":\"promotional\",\"template\":\"spring-sale\",\"userIds\":[\"user-1\"] | program",
    })
    void an_invalid_campaign_is_refused_naming_the_field_and_nothing_is_written(String fields, String field) {
        String campaignId = id("bad");

        Answer answer = call("PUT", CAMPAIGN, Map.of("campaignId", campaignId), null, "{" + fields + "}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.field()).isEqualTo(field);
        assertThat(call("GET", CAMPAIGN, Map.of("campaignId", campaignId), null, null).status()).isEqualTo(404);
    }

    @Test
    void scheduling_a_draft_creates_the_one_time_schedule_that_puts_the_campaign_scheduled_event() throws Exception {
        String campaignId = draft();

        Answer scheduled = call("POST", CAMPAIGN + "/schedule", Map.of("campaignId", campaignId), null,
                "{\"at\":\"2026-03-21T08:00:00Z\"}");

        assertThat(scheduled.status()).isEqualTo(200);
        assertThat(scheduled.body().path("status").asText()).isEqualTo("scheduled");
        assertThat(scheduled.body().path("runId").asText()).isEqualTo("run-2026-03-21T08:00:00Z");
        GetScheduleResponse schedule = scheduler.getSchedule(b -> b.groupName("hearken-campaigns").name(campaignId));
        assertThat(schedule.scheduleExpression()).isEqualTo("at(2026-03-21T08:00:00)");
        assertThat(schedule.scheduleExpressionTimezone()).isEqualTo("UTC");
        assertThat(schedule.target().arn()).isEqualTo(BUS);
        assertThat(schedule.target().roleArn()).isEqualTo(ROLE);
        assertThat(schedule.target().eventBridgeParameters().source()).isEqualTo("hearken.campaigns");
        assertThat(schedule.target().eventBridgeParameters().detailType()).isEqualTo("Campaign Scheduled");
        JsonNode detail = AdminCalls.JSON.readTree(schedule.target().input());
        assertThat(detail.path("campaignId").asText()).isEqualTo(campaignId);
        assertThat(detail.path("program").asText()).isEqualTo("seasonal");
        assertThat(detail.path("runId").asText()).isEqualTo("run-2026-03-21T08:00:00Z");
        assertThat(detail.path("hop").asLong()).isZero();
    }

    @ParameterizedTest(name = "{0} → 400 naming {1}")
    @CsvSource(delimiter = '|', value = {
            "{} | at",
            "{\"at\":\"2026-03-20T14:59:00Z\"} | at",
            "{\"at\":\"next monday\"} | at",
            "{\"at\":20260321} | at",
            "{\"at\":\"+10000-01-06T09:00:00Z\"} | at",
            "{\"at\":\"+1000000000-01-06T09:00:00Z\"} | at",
            "{\"at\":\"2026-03-21T08:00:00Z\",\"repeat\":\"daily\"} | repeat",
    })
    void a_schedule_without_a_future_instant_is_refused_and_changes_nothing(String body, String field) {
        String campaignId = draft();

        Answer answer = call("POST", CAMPAIGN + "/schedule", Map.of("campaignId", campaignId), null, body);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.field()).isEqualTo(field);
        assertThat(call("GET", CAMPAIGN, Map.of("campaignId", campaignId), null, null).body().path("status").asText())
                .isEqualTo("draft");
        assertThatThrownBy(() -> scheduler.getSchedule(b -> b.groupName("hearken-campaigns").name(campaignId)))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void a_scheduled_campaign_runs_from_its_schedules_event_and_then_reads_as_done() throws Exception {
        String campaignId = draft();
        call("POST", CAMPAIGN + "/schedule", Map.of("campaignId", campaignId), null, "{\"at\":\"2026-03-21T08:00:00Z\"}");
        JsonNode detail = AdminCalls.JSON.readTree(scheduler.getSchedule(b -> b.groupName("hearken-campaigns")
                .name(campaignId)).target().input());

        // What push-campaign does with the event the schedule puts (CampaignFunction → CampaignService.run).
        CampaignService.RunResult run = campaigns.run(detail.path("campaignId").asText(), detail.path("runId").asText(),
                detail.path("hop").asLong());
        Answer read = call("GET", CAMPAIGN, Map.of("campaignId", campaignId), null, null);
        Answer pause = call("POST", CAMPAIGN + "/pause", Map.of("campaignId", campaignId), null, null);

        assertThat(run.done()).isTrue();
        assertThat(run.enqueued()).isEqualTo(2);
        assertThat(read.body().path("status").asText()).isEqualTo("done");
        assertThat(read.body().path("enqueued").asLong()).isEqualTo(2);
        assertThat(pause.status()).isEqualTo(409);
        assertThat(pause.error()).isEqualTo("invalid_state");
    }

    @Test
    void pause_deletes_the_schedule_and_stops_the_run_then_schedule_resumes_it_and_cancel_ends_it() {
        String campaignId = draft();
        Map<String, String> key = Map.of("campaignId", campaignId);
        call("POST", CAMPAIGN + "/schedule", key, null, "{\"at\":\"2026-03-21T08:00:00Z\"}");

        Answer paused = call("POST", CAMPAIGN + "/pause", key, null, null);
        CampaignService.RunResult whilePaused = campaigns.run(campaignId, "run-2026-03-21T08:00:00Z", 0);
        Answer rescheduled = call("POST", CAMPAIGN + "/schedule", key, "\"3\"", "{\"at\":\"2026-03-22T08:00:00Z\"}");
        Answer edit = call("PUT", CAMPAIGN, key, "\"4\"", "{\"program\":\"seasonal\",\"priority\":\"promotional\","
                + "\"template\":\"spring-sale\",\"userIds\":[\"user-1001\"]}");
        Answer cancelled = call("POST", CAMPAIGN + "/cancel", key, null, null);
        Answer again = call("POST", CAMPAIGN + "/schedule", key, null, "{\"at\":\"2026-03-23T08:00:00Z\"}");
        Answer history = call("GET", CAMPAIGN + "/history", key, null, null);

        assertThat(paused.body().path("status").asText()).isEqualTo("paused");
        assertThat(whilePaused.halted()).isTrue();
        assertThat(whilePaused.enqueued()).isZero();
        assertThat(rescheduled.body().path("status").asText()).isEqualTo("scheduled");
        assertThat(rescheduled.body().path("runId").asText()).isEqualTo("run-2026-03-21T08:00:00Z");
        assertThat(edit.status()).isEqualTo(409);
        assertThat(edit.error()).isEqualTo("invalid_state");
        assertThat(cancelled.body().path("status").asText()).isEqualTo("cancelled");
        assertThatThrownBy(() -> scheduler.getSchedule(b -> b.groupName("hearken-campaigns").name(campaignId)))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.error()).isEqualTo("invalid_state");
        assertThat(history.body().path("items")).extracting(e -> e.path("action").asText())
                .containsExactly("cancel", "schedule", "pause", "schedule", "create");
    }

    @Test
    void a_paused_campaign_can_be_edited_keeping_its_run_and_a_draft_deleted_but_not_a_scheduled_one() {
        String campaignId = draft();
        Map<String, String> key = Map.of("campaignId", campaignId);
        call("POST", CAMPAIGN + "/schedule", key, null, "{\"at\":\"2026-03-21T08:00:00Z\"}");

        Answer deleteScheduled = call("DELETE", CAMPAIGN, key, "\"2\"", null);
        call("POST", CAMPAIGN + "/pause", key, null, null);
        Answer edited = call("PUT", CAMPAIGN, key, "\"3\"", "{\"program\":\"seasonal\",\"priority\":\"lifecycle\","
                + "\"template\":\"spring-sale\",\"userIds\":[\"user-1001\"]}");
        Answer staleAction = call("POST", CAMPAIGN + "/cancel", key, "\"3\"", null);
        String other = draft();
        Answer deleteDraft = call("DELETE", CAMPAIGN, Map.of("campaignId", other), "\"1\"", null);

        assertThat(deleteScheduled.status()).isEqualTo(409);
        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.body().path("priority").asText()).isEqualTo("lifecycle");
        assertThat(edited.body().path("status").asText()).isEqualTo("paused");
        assertThat(edited.body().path("runId").asText()).isEqualTo("run-2026-03-21T08:00:00Z");
        assertThat(staleAction.status()).isEqualTo(409);
        assertThat(staleAction.error()).isEqualTo("version_conflict");
        assertThat(deleteDraft.status()).isEqualTo(204);
    }

    @Test
    void the_samples_replay_in_order_with_the_answers_their_names_promise() {
        // The samples' ids are fixed: clear what an earlier run of this test left, as a fresh make run has nothing.
        dynamo.deleteItem(b -> b.tableName(tables.pushTemplates()).key(Map.of(
                "templateId", av("win-back"), "locale", av("en"))));
        dynamo.deleteItem(b -> b.tableName(tables.pushCampaigns()).key(Map.of("campaignId", av("win-back-2026"))));
        dynamo.deleteItem(b -> b.tableName(tables.pushSegments()).key(Map.of(
                "segmentId", av("win-back-2026"), "userId", av(DynamoDbCampaignStore.SEGMENT_DEFINITION))));
        dynamo.deleteItem(b -> b.tableName(tables.pushSegments()).key(Map.of(
                "segmentId", av("win-back-2026"), "userId", av("user-1005"))));

        Map<String, Integer> expected = new java.util.LinkedHashMap<>();
        expected.put("01-template-put-new", 201);
        expected.put("02-template-get-seed", 200);
        expected.put("03-template-put-invalid-title", 400);
        expected.put("04-template-put-stale", 409);
        expected.put("05-segment-put-new", 201);
        expected.put("06-segment-members-add", 200);
        expected.put("07-segment-member-put", 201);
        expected.put("08-segment-members-add-invalid-id", 400);
        expected.put("09-campaign-put-new", 201);
        expected.put("10-campaign-put-invalid-priority", 400);
        expected.put("11-campaign-schedule-ok", 200);
        expected.put("12-campaign-schedule-invalid-at", 400);
        expected.put("13-campaign-pause-ok", 200);
        expected.put("14-campaign-pause-invalid-state", 409);
        expected.put("15-campaign-history-ok", 200);
        expected.put("16-campaign-cancel-missing-signature", 401);
        expected.put("17-campaign-list-ok", 200);
        Map<String, Integer> actual = new java.util.LinkedHashMap<>();
        expected.keySet().forEach(scenario -> actual.put(scenario, AdminCalls.sample(scenario).status()));

        assertThat(actual).containsExactlyEntriesOf(expected);
    }

    /** A new draft campaign to user-1001 and user-1003 with the seeded spring-sale template. */
    private static String draft() {
        String campaignId = id("cmp");
        Answer created = call("PUT", CAMPAIGN, Map.of("campaignId", campaignId), null, "{\"program\":\"seasonal\","
                + "\"priority\":\"promotional\",\"template\":\"spring-sale\",\"userIds\":[\"user-1001\",\"user-1003\"]}");
        assertThat(created.status()).isEqualTo(201);
        return campaignId;
    }

    private static software.amazon.awssdk.services.dynamodb.model.AttributeValue av(String s) {
        return software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(s);
    }
}
