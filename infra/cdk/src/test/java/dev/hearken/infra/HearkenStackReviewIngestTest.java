package dev.hearken.infra;

import static dev.hearken.infra.Templates.function;
import static dev.hearken.infra.Templates.queue;
import static dev.hearken.infra.Templates.role;
import static dev.hearken.infra.Templates.table;
import static dev.hearken.infra.Templates.arnOf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * The review-ingest paragraph of {@link HearkenStack}: the worker, poller, webhook and insights functions, the
 * reviews queue, the review tables, the poll schedule, the secrets and the routes, with least-privilege grants.
 */
class HearkenStackReviewIngestTest {

    private static final String FUNCTION = "AWS::Lambda::Function";
    private static final String TABLE = "AWS::DynamoDB::Table";
    private static final String POLICY = "AWS::IAM::Policy";

    private final Template template = Templates.hearken();

    @Test
    void the_worker_has_memory_for_the_models_and_knows_its_tables_queue_and_secret() {
        template.hasResourceProperties(FUNCTION, Map.of(
                "FunctionName", "hearken-review-ingest",
                "MemorySize", 1024,
                "Timeout", 30,
                "Environment", Map.of("Variables", Match.objectLike(Map.of(
                        "HEARKEN_TABLES_REVIEWS", "hearken-reviews",
                        "HEARKEN_TABLES_REVIEW_IMPACT", "hearken-review-impact",
                        "HEARKEN_TABLES_REVIEW_APPS", "hearken-review-apps",
                        "HEARKEN_QUEUES_AUTO_REPLY", Map.of("Ref", queue("hearken-auto-reply")),
                        "HEARKEN_QUEUES_REVIEW_ESCALATIONS", Map.of("Ref", queue("hearken-review-escalations")),
                        "HEARKEN_REVIEW_SECRETS_PSEUDONYM", "hearken/review-pseudonym")))));
    }

    @Test
    void the_worker_consumes_the_reviews_queue_with_partial_batch_failures_and_a_dlq() {
        Templates.consumes(template, "hearken-review-ingest", "hearken-reviews", Map.of("BatchSize", 10));
        Templates.hasWorkerQueue(template, "hearken-reviews", 180);
    }

    @Test
    void versions_cursors_and_apps_are_kept_only_impact_markers_expire() {
        template.hasResourceProperties(TABLE, Map.of(
                "TableName", "hearken-reviews",
                "KeySchema", List.of(
                        Map.of("AttributeName", "reviewKey", "KeyType", "HASH"),
                        Map.of("AttributeName", "version", "KeyType", "RANGE")),
                "TimeToLiveSpecification", Match.absent()));
        template.hasResourceProperties(TABLE, Map.of(
                "TableName", "hearken-review-impact",
                "TimeToLiveSpecification", Map.of("AttributeName", "expiresAt", "Enabled", true)));
        template.hasResourceProperties(TABLE, Map.of(
                "TableName", "hearken-review-cursors", "TimeToLiveSpecification", Match.absent()));
        template.hasResourceProperties(TABLE, Map.of(
                "TableName", "hearken-review-apps", "TimeToLiveSpecification", Match.absent()));
    }

    @Test
    void the_store_secrets_have_no_value_and_only_the_pseudonym_key_is_generated() {
        for (String name : List.of("hearken/appstore", "hearken/googleplay", "hearken/appfollow")) {
            template.hasResourceProperties("AWS::SecretsManager::Secret", Map.of(
                    "Name", name, "SecretString", Match.absent()));
        }
        template.hasResourceProperties("AWS::SecretsManager::Secret", Map.of(
                "Name", "hearken/review-pseudonym",
                "SecretString", Match.absent(),
                "GenerateSecretString", Match.objectLike(Map.of("GenerateStringKey", "authorHmacKey"))));
    }

    @Test
    void the_webhook_and_the_impact_query_are_routed() {
        for (String[] r : new String[][] {
                {"POST /webhooks/appfollow", "hearken-review-webhook"},
                {"GET /apps/{appId}/topics/{topic}/impact", "hearken-review-insights"}}) {
            String integration = template.getResourceId("AWS::ApiGatewayV2::Integration",
                    Map.of("Properties", Map.of("IntegrationUri", arnOf(function(r[1])), "PayloadFormatVersion", "2.0")));
            template.hasResourceProperties("AWS::ApiGatewayV2::Route", Map.of(
                    "RouteKey", r[0],
                    "Target", Map.of("Fn::Join", List.of("", List.of("integrations/", Map.of("Ref", integration))))));
        }
    }

    @Test
    void the_webhook_may_only_send_to_the_reviews_queue_and_read_the_appfollow_secret() {
        template.hasResourceProperties(POLICY, Map.of(
                "Roles", List.of(Map.of("Ref", role("hearken-review-webhook"))),
                "PolicyDocument", Map.of("Statement", List.of(
                        allow(List.of("logs:CreateLogStream", "logs:PutLogEvents"), arnOf(logGroup("hearken-review-webhook"))),
                        allow(List.of("sqs:SendMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"),
                                arnOf(queue("hearken-reviews"))),
                        allow("secretsmanager:GetSecretValue", Map.of("Ref", secret("hearken/appfollow")))))));
    }

    @Test
    void the_insights_function_may_only_query_the_impact_table() {
        template.hasResourceProperties(POLICY, Map.of(
                "Roles", List.of(Map.of("Ref", role("hearken-review-insights"))),
                "PolicyDocument", Map.of("Statement", List.of(
                        allow(List.of("logs:CreateLogStream", "logs:PutLogEvents"), arnOf(logGroup("hearken-review-insights"))),
                        allow("dynamodb:Query", List.of(arnOf(table("hearken-review-impact"))))))));
    }

    @Test
    void a_rule_fires_the_poller_every_fifteen_minutes() {
        template.hasResourceProperties("AWS::Events::Rule", Map.of(
                "Name", "hearken-review-poll",
                "ScheduleExpression", "rate(15 minutes)",
                "Targets", List.of(Match.objectLike(Map.of("Arn", arnOf(function("hearken-review-poller")))))));
        template.hasResourceProperties("AWS::Lambda::Permission", Map.of(
                "FunctionName", arnOf(function("hearken-review-poller")),
                "Principal", "events.amazonaws.com"));
    }

    @Test
    void the_poller_gets_exactly_what_it_calls() {
        template.hasResourceProperties(POLICY, Map.of(
                "Roles", List.of(Map.of("Ref", role("hearken-review-poller"))),
                "PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(
                        allow("dynamodb:Scan", List.of(arnOf(table("hearken-review-apps")))),
                        allow(List.of("dynamodb:GetItem", "dynamodb:PutItem"),
                                List.of(arnOf(table("hearken-review-cursors")))),
                        allow("secretsmanager:GetSecretValue", Map.of("Ref", secret("hearken/appstore"))),
                        allow("secretsmanager:GetSecretValue", Map.of("Ref", secret("hearken/googleplay"))))))));
    }

    @Test
    void the_worker_may_only_consume_its_queue_send_replies_and_escalations_and_call_exactly_what_its_adapters_call() {
        template.hasResourceProperties(POLICY, Map.of(
                "Roles", List.of(Map.of("Ref", role("hearken-review-ingest"))),
                "PolicyDocument", Map.of("Statement", List.of(
                        allow(List.of("logs:CreateLogStream", "logs:PutLogEvents"), arnOf(logGroup("hearken-review-ingest"))),
                        allow(List.of("sqs:ReceiveMessage", "sqs:ChangeMessageVisibility", "sqs:GetQueueUrl",
                                "sqs:DeleteMessage", "sqs:GetQueueAttributes"), arnOf(queue("hearken-reviews"))),
                        allow(List.of("sqs:SendMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"),
                                arnOf(queue("hearken-auto-reply"))),
                        allow(List.of("dynamodb:PutItem", "dynamodb:GetItem", "dynamodb:Query", "dynamodb:UpdateItem"),
                                List.of(arnOf(table("hearken-reviews")))),
                        allow(List.of("dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:GetItem"),
                                List.of(arnOf(table("hearken-review-impact")))),
                        allow("dynamodb:Scan", List.of(arnOf(table("hearken-review-apps")))),
                        allow("secretsmanager:GetSecretValue", Map.of("Ref", secret("hearken/review-pseudonym"))),
                        allow(List.of("sqs:SendMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"),
                                arnOf(queue("hearken-review-escalations")))))));
    }

    @Test
    void the_app_api_and_the_decision_lookup_are_one_function_behind_iam_routes() {
        String integration = template.getResourceId("AWS::ApiGatewayV2::Integration", Map.of("Properties",
                Map.of("IntegrationUri", arnOf(function("hearken-review-ingest-admin")))));
        for (String key : List.of("GET /admin/review-apps", "POST /admin/review-apps", "GET /admin/review-apps/{appId}",
                "PUT /admin/review-apps/{appId}", "DELETE /admin/review-apps/{appId}",
                "GET /admin/review-apps/{appId}/history", "GET /admin/reviews/{store}/{appId}/{reviewId}/decisions")) {
            template.hasResourceProperties("AWS::ApiGatewayV2::Route", Map.of("RouteKey", key,
                    "AuthorizationType", "AWS_IAM",
                    "Target", Map.of("Fn::Join", List.of("", List.of("integrations/", Map.of("Ref", integration))))));
        }
    }

    @Test
    void the_admin_function_may_change_apps_append_to_the_audit_trail_and_query_reviews_and_nothing_else() {
        String audit = table("hearken-audit");
        template.hasResourceProperties(POLICY, Map.of(
                "Roles", List.of(Map.of("Ref", role("hearken-review-ingest-admin"))),
                "PolicyDocument", Map.of("Statement", List.of(
                        allow(List.of("logs:CreateLogStream", "logs:PutLogEvents"),
                                arnOf(logGroup("hearken-review-ingest-admin"))),
                        allow(List.of("dynamodb:PutItem", "dynamodb:Query"), List.of(arnOf(audit),
                                Map.of("Fn::Join", List.of("", List.of(arnOf(audit), "/index/*"))))),
                        allow(List.of("dynamodb:GetItem", "dynamodb:Query", "dynamodb:Scan", "dynamodb:PutItem",
                                "dynamodb:DeleteItem"), List.of(arnOf(table("hearken-review-apps")))),
                        allow("dynamodb:Query", List.of(arnOf(table("hearken-reviews"))))))));
    }

    @Test
    void the_poller_may_read_the_store_secrets_an_app_names_and_no_other_secret() {
        Map<String, Map<String, Object>> policies = template.findResources(POLICY, Map.of(
                "Properties", Map.of("Roles", List.of(Map.of("Ref", role("hearken-review-poller"))))));
        String policy = policies.values().iterator().next().toString();
        assertThat(policy).contains(":secret:hearken/appstore*", ":secret:hearken/googleplay*");
        assertThat(policy).doesNotContain(":secret:*", ":secret:hearken/*", "secretsmanager:*");
    }

    private String secret(String name) {
        return Templates.logicalId(template, "AWS::SecretsManager::Secret", "Name", name);
    }

    private String logGroup(String functionName) {
        return Templates.logicalId(template, "AWS::Logs::LogGroup", "LogGroupName", "/aws/lambda/" + functionName);
    }

    private static Map<String, Object> allow(Object actions, Object resource) {
        return Map.of("Effect", "Allow", "Action", actions, "Resource", resource);
    }
}
