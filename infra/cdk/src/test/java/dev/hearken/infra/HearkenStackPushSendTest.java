package dev.hearken.infra;

import static dev.hearken.infra.Templates.arnOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * push-send's paragraph: its tables, queue, functions, secrets, campaign trigger, deferral schedules and
 * least-privilege grants.
 */
class HearkenStackPushSendTest {

    private static final String TABLE = "AWS::DynamoDB::Table";
    private static final String FUNCTION = "AWS::Lambda::Function";
    private static final String POLICY = "AWS::IAM::Policy";

    private final Template template = Templates.hearken();

    @Test
    void caps_deliveries_and_the_idempotency_ledger_expire_through_ttl() {
        for (String table : List.of("hearken-push-caps", "hearken-push-deliveries", "hearken-push-sends")) {
            template.hasResourceProperties(TABLE, Map.of("TableName", table,
                    "TimeToLiveSpecification", Map.of("AttributeName", "expiresAt", "Enabled", true)));
        }
        template.hasResourceProperties(TABLE, Map.of("TableName", "hearken-push-devices",
                "KeySchema", List.of(Map.of("AttributeName", "userId", "KeyType", "HASH"),
                        Map.of("AttributeName", "token", "KeyType", "RANGE"))));
        template.hasResourceProperties(TABLE, Map.of("TableName", "hearken-push-templates",
                "KeySchema", List.of(Map.of("AttributeName", "templateId", "KeyType", "HASH"),
                        Map.of("AttributeName", "locale", "KeyType", "RANGE"))));
        template.hasResourceProperties(TABLE, Map.of("TableName", "hearken-push-segments",
                "KeySchema", List.of(Map.of("AttributeName", "segmentId", "KeyType", "HASH"),
                        Map.of("AttributeName", "userId", "KeyType", "RANGE"))));
        for (String table : List.of("hearken-push-users", "hearken-push-campaigns")) {
            template.hasResourceProperties(TABLE, Map.of("TableName", table));
        }
    }

    @Test
    void one_artifact_backs_the_worker_and_the_campaign_function_with_different_exports() {
        template.hasResource(FUNCTION, Map.of(
                "Metadata", Map.of("hearken:function", "push-send", "hearken:artifact", "functions/push-send/target/function.zip"),
                "Properties", Match.objectLike(Map.of("Timeout", 30, "Environment", Map.of("Variables", Match.objectLike(Map.of(
                        "QUARKUS_FUNQY_EXPORT", "send",
                        "HEARKEN_PUSH_FCM_SECRET_ID", "hearken/fcm",
                        "HEARKEN_PUSH_APNS_SECRET_ID", "hearken/apns",
                        "HEARKEN_TABLES_PUSH_CAPS", "hearken-push-caps",
                        "HEARKEN_TABLES_EXPERIMENTS", "hearken-experiments")))))));
        template.hasResource(FUNCTION, Map.of(
                "Metadata", Map.of("hearken:function", "push-campaign", "hearken:artifact", "functions/push-send/target/function.zip"),
                "Properties", Match.objectLike(Map.of("Timeout", 900, "Environment", Map.of("Variables", Match.objectLike(Map.of(
                        "QUARKUS_FUNQY_EXPORT", "campaign",
                        "HEARKEN_TABLES_PUSH_CAMPAIGNS", "hearken-push-campaigns")))))));
    }

    @Test
    void the_push_queue_has_a_dlq_a_visibility_timeout_of_six_worker_timeouts_and_a_batching_partial_failure_mapping() {
        Templates.hasWorkerQueue(template, "hearken-push", 180);
        Templates.consumes(template, "hearken-push-send", "hearken-push", Map.of("BatchSize", 100,
                "MaximumBatchingWindowInSeconds", 1, "ScalingConfig", Map.of("MaximumConcurrency", 20)));
    }

    @Test
    void secrets_are_declared_without_a_value() {
        Map<String, Map<String, Object>> secrets = template.findResources("AWS::SecretsManager::Secret",
                Map.of("Properties", Match.objectLike(Map.of("Name", Match.stringLikeRegexp("hearken/(fcm|apns)")))));
        assertThat(secrets).hasSize(2);
        secrets.values().forEach(s -> assertThat(((Map<?, ?>) s.get("Properties")).containsKey("SecretString")).isFalse());
    }

    @Test
    void campaign_scheduled_and_continued_events_trigger_push_campaign() {
        template.hasResourceProperties("AWS::Events::Rule", Map.of(
                "EventPattern", Map.of("source", List.of("hearken.campaigns"),
                        "detail-type", List.of("Campaign Scheduled", "Campaign Continued")),
                "Targets", List.of(Match.objectLike(Map.of("RetryPolicy", Map.of("MaximumRetryAttempts", 3))))));
        template.hasResourceProperties("AWS::Scheduler::ScheduleGroup", Map.of("Name", "hearken-campaigns"));
    }

    @Test
    void the_worker_gets_exactly_the_dynamodb_calls_it_makes() {
        String role = Templates.logicalId(template, "AWS::IAM::Role", "Description",
                "Runs hearken-push-send; permissions come from explicit grants only.");
        template.hasResourceProperties(POLICY, Map.of(
                "Roles", List.of(Map.of("Ref", role)),
                "PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(
                        allow(List.of("dynamodb:Query", "dynamodb:DeleteItem"), "hearken-push-devices"),
                        allow(List.of("dynamodb:UpdateItem"), "hearken-push-caps"),
                        allow(List.of("dynamodb:UpdateItem", "dynamodb:GetItem"), "hearken-push-sends"),
                        allow(List.of("dynamodb:PutItem"), "hearken-push-deliveries"))))));
    }

    @Test
    void the_campaign_function_can_read_campaigns_and_segments_and_send_to_the_queue_but_not_send_pushes() {
        String role = Templates.logicalId(template, "AWS::IAM::Role", "Description",
                "Runs hearken-push-campaign; permissions come from explicit grants only.");
        template.hasResourceProperties(POLICY, Map.of(
                "Roles", List.of(Map.of("Ref", role)),
                "PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(
                        allow(List.of("dynamodb:GetItem"), "hearken-push-campaigns"),
                        allow(List.of("dynamodb:Query"), "hearken-push-segments"),
                        // a long run hands itself over with a "Campaign Continued" event on the default bus
                        Match.objectLike(Map.of("Effect", "Allow", "Action", "events:PutEvents",
                                "Resource", Match.objectLike(Map.of("Fn::Join", Match.arrayWith(List.of(
                                        Match.arrayWith(List.of(":event-bus/default")))))))))))));
        template.resourcePropertiesCountIs(POLICY, Map.of(
                "Roles", List.of(Map.of("Ref", role)),
                "PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(
                        Map.of("Action", "secretsmanager:GetSecretValue")))))), 0);
    }

    @Test
    void long_deferrals_are_schedules_in_their_own_group_that_the_worker_may_create_and_nothing_more() {
        template.hasResourceProperties("AWS::Scheduler::ScheduleGroup", Map.of("Name", "hearken-push-deferrals"));
        String deferralRole = deferralRole();
        String queue = Templates.queue("hearken-push");
        Map<String, Object> env = Map.of(
                "HEARKEN_PUSH_DEFERRALS_ENABLED", "true",
                "HEARKEN_PUSH_DEFERRALS_GROUP", "hearken-push-deferrals",
                "HEARKEN_PUSH_DEFERRALS_ROLE_ARN", arnOf(deferralRole),
                "HEARKEN_PUSH_DEFERRALS_QUEUE_ARN", arnOf(queue));
        template.hasResource(FUNCTION, Map.of(
                "Metadata", Match.objectLike(Map.of("hearken:function", "push-send")),
                "Properties", Match.objectLike(Map.of("Environment",
                        Map.of("Variables", Match.objectLike(env))))));
        String worker = Templates.role("hearken-push-send");
        Object createSchedule = Match.objectLike(Map.of("Effect", "Allow", "Action", "scheduler:CreateSchedule",
                "Resource", Map.of("Fn::Join", List.of("", Match.arrayWith(
                        List.of(":schedule/hearken-push-deferrals/*"))))));
        Object passRole = Map.of("Effect", "Allow", "Action", "iam:PassRole", "Resource", arnOf(deferralRole),
                "Condition", Map.of("StringEquals", Map.of("iam:PassedToService", "scheduler.amazonaws.com")));
        template.hasResourceProperties(POLICY, Map.of(
                "Roles", List.of(Map.of("Ref", worker)),
                "PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(createSchedule, passRole)))));
        // no other Scheduler action for the worker (no Get/Delete/List: a conflict is the only answer it needs)
        Object otherSchedulerAction = Match.objectLike(Map.of("Action",
                Match.stringLikeRegexp("scheduler:(?!CreateSchedule$).*")));
        template.resourcePropertiesCountIs(POLICY, Map.of(
                "Roles", List.of(Map.of("Ref", worker)),
                "PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(otherSchedulerAction)))), 0);
    }

    @Test
    void the_deferral_role_can_only_be_assumed_by_schedules_of_its_group_and_may_only_send_to_the_push_queue_and_its_dlq() {
        String group = Templates.logicalId(template, "AWS::Scheduler::ScheduleGroup", "Name", "hearken-push-deferrals");
        Object trust = Match.objectLike(Map.of(
                "Action", "sts:AssumeRole",
                "Principal", Map.of("Service", "scheduler.amazonaws.com"),
                "Condition", Map.of(
                        "StringEquals", Map.of("aws:SourceAccount", Map.of("Ref", "AWS::AccountId")),
                        "ArnEquals", Map.of("aws:SourceArn", arnOf(group)))));
        template.hasResourceProperties("AWS::IAM::Role", Map.of(
                "Description", DEFERRAL_ROLE,
                "AssumeRolePolicyDocument", Match.objectLike(Map.of("Statement", List.of(trust)))));
        Object sendOnly = Map.of("Effect", "Allow", "Action", "sqs:SendMessage",
                "Resource", arnOf(Templates.queue("hearken-push")));
        // ... and to the deferrals' DLQ, where Scheduler sends with the same role what it could not deliver.
        Object deadLetterOnly = Map.of("Effect", "Allow", "Action", "sqs:SendMessage",
                "Resource", arnOf(Templates.queue("hearken-push-deferrals-dlq")));
        template.hasResourceProperties(POLICY, Map.of(
                "Roles", List.of(Map.of("Ref", deferralRole())),
                "PolicyDocument", Match.objectLike(Map.of("Statement", List.of(sendOnly, deadLetterOnly)))));
    }

    private static final String DEFERRAL_ROLE = "Lets push-send's deferral schedules send their message back to the push queue";

    private String deferralRole() {
        return Templates.logicalId(template, "AWS::IAM::Role", "Description", DEFERRAL_ROLE);
    }

    private Object allow(List<String> actions, String table) {
        String id = Templates.logicalId(template, TABLE, "TableName", table);
        return Match.objectLike(Map.of("Effect", "Allow",
                "Action", actions.size() == 1 ? actions.get(0) : actions,
                "Resource", Match.arrayWith(List.of(arnOf(id)))));
    }
}
