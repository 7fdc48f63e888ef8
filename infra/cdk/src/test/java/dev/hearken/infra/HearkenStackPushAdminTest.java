package dev.hearken.infra;

import static dev.hearken.infra.Templates.arnOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * push-admin, push-send's operator API: its IAM-authorised routes, and grants limited to the tables it administers,
 * the run progress it reads, and the campaigns' schedules.
 */
class HearkenStackPushAdminTest {

    private static final String ROUTE = "AWS::ApiGatewayV2::Route";
    private static final String POLICY = "AWS::IAM::Policy";
    private static final String CAMPAIGN_ROLE = "Lets campaign schedules put Campaign Scheduled events on the default bus";

    private final Template template = Templates.hearken();

    @Test
    void push_admin_is_the_push_send_artifact_with_the_admin_export_and_the_campaign_schedule_settings() {
        template.hasResource("AWS::Lambda::Function", Map.of(
                "Metadata", Map.of("hearken:function", "push-admin", "hearken:artifact", "functions/push-send/target/function.zip"),
                "Properties", Match.objectLike(Map.of("Environment", Map.of("Variables", Match.objectLike(Map.of(
                        "QUARKUS_FUNQY_EXPORT", "admin",
                        "HEARKEN_TABLES_AUDIT", "hearken-audit",
                        "HEARKEN_TABLES_PUSH_TEMPLATES", "hearken-push-templates",
                        "HEARKEN_PUSH_ADMIN_CAMPAIGN_SCHEDULE_GROUP", "hearken-campaigns",
                        "HEARKEN_PUSH_ADMIN_CAMPAIGN_SCHEDULER_ROLE_ARN", arnOf(campaignRole()))))))));
    }

    @Test
    void every_operator_route_needs_a_signed_iam_caller_and_reaches_push_admin() {
        List<String> keys = new ArrayList<>();
        for (String collection : List.of("/admin/push-templates/{templateId}/{locale}", "/admin/campaigns/{campaignId}")) {
            String base = collection.substring(0, collection.indexOf("/{"));
            keys.addAll(List.of("GET " + base, "POST " + base, "GET " + collection, "PUT " + collection,
                    "DELETE " + collection, "GET " + collection + "/history"));
        }
        keys.add("GET /admin/push-templates/{templateId}");
        for (String action : List.of("schedule", "pause", "cancel")) {
            keys.add("POST /admin/campaigns/{campaignId}/" + action);
        }
        keys.addAll(List.of("GET /admin/segments/{segmentId}", "PUT /admin/segments/{segmentId}",
                "DELETE /admin/segments/{segmentId}", "GET /admin/segments/{segmentId}/history",
                "POST /admin/segments/{segmentId}/members", "PUT /admin/segments/{segmentId}/members/{userId}",
                "DELETE /admin/segments/{segmentId}/members/{userId}",
                "GET /admin/segments/{segmentId}/members/{userId}/history"));
        Object target = Map.of("Fn::Join", List.of("", List.of("integrations/",
                Map.of("Ref", Match.stringLikeRegexp("HttpApi.*PushAdminIntegration.*")))));
        for (String key : keys) {
            template.hasResourceProperties(ROUTE, Map.of("RouteKey", key, "AuthorizationType", "AWS_IAM", "Target", target));
        }
        Set<String> served = new TreeSet<>();
        template.findResources(ROUTE).values().forEach(r -> {
            String key = (String) ((Map<?, ?>) r.get("Properties")).get("RouteKey");
            if (key.matches("\\S+ /admin/(push-templates|campaigns|segments)\\b.*")) {
                served.add(key);
            }
        });
        assertThat(served).containsExactlyInAnyOrderElementsOf(keys); // no list of segments: it would read every member
    }

    @Test
    void push_admin_writes_only_the_tables_it_administers_and_only_reads_the_run_ledger() {
        Map<String, Set<String>> byTable = dynamoActionsByTable();

        Set<String> admin = Set.of("dynamodb:GetItem", "dynamodb:Query", "dynamodb:Scan", "dynamodb:PutItem",
                "dynamodb:DeleteItem");
        assertThat(byTable).containsOnlyKeys("hearken-push-templates", "hearken-push-campaigns",
                "hearken-push-segments", "hearken-push-sends", "hearken-audit");
        assertThat(byTable.get("hearken-push-templates")).isEqualTo(admin);
        assertThat(byTable.get("hearken-push-campaigns")).isEqualTo(admin);
        assertThat(byTable.get("hearken-push-segments")).isEqualTo(admin);
        assertThat(byTable.get("hearken-push-sends")).containsExactly("dynamodb:GetItem");
        assertThat(byTable.get("hearken-audit")).containsExactlyInAnyOrder("dynamodb:PutItem", "dynamodb:Query");
    }

    @Test
    void push_admin_manages_schedules_of_the_campaign_group_only_and_passes_only_the_campaign_role_to_scheduler() {
        Object manage = Match.objectLike(Map.of("Effect", "Allow",
                "Action", List.of("scheduler:CreateSchedule", "scheduler:UpdateSchedule", "scheduler:DeleteSchedule"),
                "Resource", Map.of("Fn::Join", List.of("", Match.arrayWith(List.of(":schedule/hearken-campaigns/*"))))));
        Object passRole = Map.of("Effect", "Allow", "Action", "iam:PassRole", "Resource", arnOf(campaignRole()),
                "Condition", Map.of("StringEquals", Map.of("iam:PassedToService", "scheduler.amazonaws.com")));
        template.hasResourceProperties(POLICY, Map.of(
                "Roles", List.of(Map.of("Ref", Templates.role("hearken-push-admin"))),
                "PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(manage, passRole)))));
        List<Object> actions = new ArrayList<>();
        statements().forEach(s -> actions.add(s.get("Action")));
        assertThat(actions.toString()).doesNotContain("scheduler:GetSchedule", "scheduler:ListSchedules",
                "events:PutEvents", "sqs:");
    }

    @Test
    void the_campaign_scheduler_role_can_only_be_assumed_by_schedules_of_its_group() {
        String group = Templates.logicalId(template, "AWS::Scheduler::ScheduleGroup", "Name", "hearken-campaigns");
        template.hasResourceProperties("AWS::IAM::Role", Map.of(
                "Description", CAMPAIGN_ROLE,
                "AssumeRolePolicyDocument", Match.objectLike(Map.of("Statement", List.of(Match.objectLike(Map.of(
                        "Principal", Map.of("Service", "scheduler.amazonaws.com"),
                        "Condition", Map.of(
                                "StringEquals", Map.of("aws:SourceAccount", Map.of("Ref", "AWS::AccountId")),
                                "ArnEquals", Map.of("aws:SourceArn", arnOf(group))))))))));
    }

    private String campaignRole() {
        return Templates.logicalId(template, "AWS::IAM::Role", "Description", CAMPAIGN_ROLE);
    }

    /** The statements of push-admin's policies. */
    private List<Map<String, Object>> statements() {
        List<Map<String, Object>> out = new ArrayList<>();
        template.findResources(POLICY, Map.of("Properties", Match.objectLike(Map.of(
                "Roles", List.of(Map.of("Ref", Templates.role("hearken-push-admin"))))))).values().forEach(p -> {
                    Map<?, ?> document = (Map<?, ?>) ((Map<?, ?>) p.get("Properties")).get("PolicyDocument");
                    ((List<?>) document.get("Statement")).forEach(s -> out.add(castMap(s)));
                });
        return out;
    }

    /** DynamoDB actions of push-admin per table name (resources that are a table's ARN or its indexes). */
    private Map<String, Set<String>> dynamoActionsByTable() {
        Map<String, String> tables = new java.util.HashMap<>();
        template.findResources("AWS::DynamoDB::Table").forEach((id, t) ->
                tables.put(id, (String) ((Map<?, ?>) t.get("Properties")).get("TableName")));
        Map<String, Set<String>> out = new java.util.TreeMap<>();
        for (Map<String, Object> statement : statements()) {
            Object action = statement.get("Action");
            List<?> actions = action instanceof List<?> l ? l : List.of(action);
            if (actions.stream().noneMatch(a -> a.toString().startsWith("dynamodb:"))) {
                continue;
            }
            String resources = String.valueOf(statement.get("Resource"));
            tables.forEach((id, name) -> {
                if (resources.contains("[" + id + ",") || resources.contains("{Ref=" + id + "}")) {
                    actions.forEach(a -> out.computeIfAbsent(name, n -> new TreeSet<>()).add(a.toString()));
                }
            });
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object o) {
        return (Map<String, Object>) o;
    }
}
