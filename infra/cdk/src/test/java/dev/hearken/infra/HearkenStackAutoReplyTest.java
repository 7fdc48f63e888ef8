package dev.hearken.infra;

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

/** The auto-reply paragraph of {@link HearkenStack}: the worker on the auto-reply queue, its three tables and grants. */
class HearkenStackAutoReplyTest {

    private static final String FUNCTION = "AWS::Lambda::Function";
    private static final String TABLE = "AWS::DynamoDB::Table";
    private static final String QUEUE = "AWS::SQS::Queue";
    private static final String POLICY = "AWS::IAM::Policy";

    private final Template template = Templates.hearken();

    @Test
    void the_worker_runs_the_reply_export_with_its_tables_queue_and_secret_in_the_environment() {
        template.hasResource(FUNCTION, Map.of(
                "Properties", Map.of("FunctionName", "hearken-auto-reply",
                        "Timeout", 30,
                        "Environment", Map.of("Variables", Map.ofEntries(
                                Map.entry("QUARKUS_FUNQY_EXPORT", "reply"),
                                Map.entry("HEARKEN_ZENDESK_SECRET_ID", "hearken/zendesk"),
                                Map.entry("HEARKEN_AUTO_REPLY_APP_STORE_SECRET_ID", "hearken/appstore"),
                                Map.entry("HEARKEN_AUTO_REPLY_GOOGLE_PLAY_SECRET_ID", "hearken/googleplay"),
                                Map.entry("HEARKEN_QUEUES_AUTO_REPLY", Map.of("Ref", queue("hearken-auto-reply"))),
                                Map.entry("HEARKEN_QUEUES_AUTO_REPLY_DLQ", Map.of("Ref", queue("hearken-auto-reply-dlq"))),
                                Map.entry("HEARKEN_TABLES_REPLY_TEMPLATES", "hearken-reply-templates"),
                                Map.entry("HEARKEN_TABLES_REPLIES", "hearken-replies"),
                                Map.entry("HEARKEN_TABLES_REPLY_CAPS", "hearken-reply-caps"),
                                Map.entry("HEARKEN_TABLES_INBOUND_MAIL", "hearken-inbound-mail"),
                                Map.entry("HEARKEN_MAIL_FROM", "support@mail.hearken.example"),
                                Map.entry("HEARKEN_TABLES_EXPERIMENTS", "hearken-experiments"),
                                Map.entry("HEARKEN_TABLES_EXPOSURES", "hearken-exposures"),
                                Map.entry("HEARKEN_TABLES_EXPERIMENT_AGGREGATES", "hearken-experiment-aggregates")))),
                "Metadata", Map.of("hearken:artifact", "functions/auto-reply/target/function.zip")));
    }

    @Test
    void it_consumes_the_auto_reply_queue_in_small_batches_with_partial_batch_failures() {
        Templates.consumes(template, "hearken-auto-reply", "hearken-auto-reply", Map.of(
                "BatchSize", 5, "ScalingConfig", Map.of("MaximumConcurrency", 2)));
        // declared once (by ticket-classify's paragraph), consumed once
        assertThat(template.findResources(QUEUE, Map.of("Properties", Map.of("QueueName", "hearken-auto-reply"))))
                .hasSize(1);
        assertThat(template.findResources("AWS::Lambda::EventSourceMapping", Map.of("Properties", Map.of(
                "EventSourceArn", arnOf(queue("hearken-auto-reply")))))).hasSize(1);
    }

    @Test
    void templates_are_keyed_by_key_and_language_and_claims_and_caps_expire() {
        template.hasResourceProperties(TABLE, Map.of(
                "TableName", "hearken-reply-templates",
                "KeySchema", List.of(
                        Map.of("AttributeName", "templateKey", "KeyType", "HASH"),
                        Map.of("AttributeName", "language", "KeyType", "RANGE")),
                "TimeToLiveSpecification", Match.absent()));
        template.hasResourceProperties(TABLE, Map.of(
                "TableName", "hearken-replies",
                "KeySchema", List.of(Map.of("AttributeName", "requestId", "KeyType", "HASH")),
                "TimeToLiveSpecification", Map.of("AttributeName", "expiresAt", "Enabled", true)));
        template.hasResourceProperties(TABLE, Map.of(
                "TableName", "hearken-reply-caps",
                "KeySchema", List.of(Map.of("AttributeName", "capKey", "KeyType", "HASH")),
                "TimeToLiveSpecification", Map.of("AttributeName", "expiresAt", "Enabled", true)));
        template.hasResourceProperties(TABLE, Map.of(
                "TableName", "hearken-inbound-mail",
                "KeySchema", List.of(Map.of("AttributeName", "messageId", "KeyType", "HASH")),
                "TimeToLiveSpecification", Map.of("AttributeName", "expiresAt", "Enabled", true)));
    }

    @Test
    void the_worker_gets_exactly_the_actions_its_adapters_call() {
        template.hasResourceProperties(POLICY, Map.of(
                "Roles", List.of(Map.of("Ref", role("hearken-auto-reply"))),
                "PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(
                        // waiting copies of rate-limited requests go back to the queue itself
                        allow(List.of("sqs:SendMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"),
                                arnOf(queue("hearken-auto-reply"))),
                        allow(List.of("sqs:SendMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"),
                                arnOf(queue("hearken-auto-reply-dlq"))),
                        allow("dynamodb:GetItem", List.of(arnOf(table("hearken-reply-templates")))),
                        allow(List.of("dynamodb:PutItem", "dynamodb:GetItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem"),
                                List.of(arnOf(table("hearken-replies")))),
                        allow("dynamodb:UpdateItem", List.of(arnOf(table("hearken-reply-caps")))),
                        allow(List.of("dynamodb:GetItem", "dynamodb:UpdateItem"),
                                List.of(arnOf(table("hearken-inbound-mail")))),
                        allow("secretsmanager:GetSecretValue", Map.of("Ref", secret())))))));
    }

    @Test
    void the_store_secrets_are_readable_by_name_and_nothing_else_of_secrets_manager() {
        Map<String, Map<String, Object>> policies = template.findResources(POLICY, Map.of(
                "Properties", Map.of("Roles", List.of(Map.of("Ref", role("hearken-auto-reply"))))));
        String policy = policies.values().iterator().next().toString();
        assertThat(policy).contains("secret:hearken/appstore-??????", "secret:hearken/googleplay-??????");
        assertThat(policy).doesNotContain("secretsmanager:DescribeSecret", "secretsmanager:*", "ses:*");
    }

    @Test
    void only_the_worker_touches_inbound_mail() {
        // Its statement (GetItem + UpdateItem, no PutItem/DeleteItem) is checked above; the producer is not built yet.
        assertThat(template.findResources(POLICY).values().stream()
                .filter(p -> p.toString().contains(table("hearken-inbound-mail"))))
                .singleElement()
                .satisfies(p -> assertThat(p.toString()).contains(role("hearken-auto-reply")));
    }

    @Test
    void nothing_but_the_worker_may_write_claims_or_caps() {
        Map<String, Map<String, Object>> policies = template.findResources(POLICY);
        long writers = policies.values().stream()
                .filter(p -> p.toString().contains(table("hearken-replies")) || p.toString().contains(table("hearken-reply-caps")))
                .count();
        assertThat(writers).isEqualTo(1);
    }

    @Test
    void the_template_api_is_its_own_function_behind_iam_routes_including_the_preview() {
        template.hasResourceProperties(FUNCTION, Map.of(
                "FunctionName", "hearken-auto-reply-admin",
                "Environment", Map.of("Variables", Match.objectLike(Map.of(
                        "QUARKUS_FUNQY_EXPORT", "admin",
                        "HEARKEN_TABLES_REPLY_TEMPLATES", "hearken-reply-templates",
                        "HEARKEN_TABLES_AUDIT", "hearken-audit")))));
        String integration = template.getResourceId("AWS::ApiGatewayV2::Integration", Map.of("Properties",
                Map.of("IntegrationUri", arnOf(Templates.function("hearken-auto-reply-admin")))));
        for (String key : List.of("GET /admin/reply-templates", "POST /admin/reply-templates",
                "GET /admin/reply-templates/{templateKey}", "GET /admin/reply-templates/{templateKey}/{language}",
                "PUT /admin/reply-templates/{templateKey}/{language}",
                "DELETE /admin/reply-templates/{templateKey}/{language}",
                "GET /admin/reply-templates/{templateKey}/{language}/history", "POST /admin/reply-templates/preview")) {
            template.hasResourceProperties("AWS::ApiGatewayV2::Route", Map.of("RouteKey", key,
                    "AuthorizationType", "AWS_IAM",
                    "Target", Map.of("Fn::Join", List.of("", List.of("integrations/", Map.of("Ref", integration))))));
        }
    }

    @Test
    void the_template_api_may_change_templates_and_append_to_the_audit_trail_and_nothing_else() {
        String audit = table("hearken-audit");
        template.hasResourceProperties(POLICY, Map.of(
                "Roles", List.of(Map.of("Ref", role("hearken-auto-reply-admin"))),
                "PolicyDocument", Map.of("Statement", List.of(
                        allow(List.of("logs:CreateLogStream", "logs:PutLogEvents"), arnOf(Templates.logicalId(template,
                                "AWS::Logs::LogGroup", "LogGroupName", "/aws/lambda/hearken-auto-reply-admin"))),
                        allow(List.of("dynamodb:PutItem", "dynamodb:Query"), List.of(arnOf(audit),
                                Map.of("Fn::Join", List.of("", List.of(arnOf(audit), "/index/*"))))),
                        allow(List.of("dynamodb:GetItem", "dynamodb:Query", "dynamodb:Scan", "dynamodb:PutItem",
                                "dynamodb:DeleteItem"), List.of(arnOf(table("hearken-reply-templates"))))))));
    }

    private String secret() {
        return Templates.logicalId(template, "AWS::SecretsManager::Secret", "Name", "hearken/zendesk");
    }

    private static Map<String, Object> allow(Object actions, Object resource) {
        return Map.of("Effect", "Allow", "Action", actions, "Resource", resource);
    }
}
