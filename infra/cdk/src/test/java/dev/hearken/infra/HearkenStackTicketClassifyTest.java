package dev.hearken.infra;

import static dev.hearken.infra.Templates.function;
import static dev.hearken.infra.Templates.queue;
import static dev.hearken.infra.Templates.role;
import static dev.hearken.infra.Templates.table;
import static dev.hearken.infra.Templates.arnOf;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The ticket-classify paragraph of {@link HearkenStack}: two functions of one module, their queues, tables, secret and route. */
class HearkenStackTicketClassifyTest {

    private static final String FUNCTION = "AWS::Lambda::Function";
    private static final String TABLE = "AWS::DynamoDB::Table";
    private static final String POLICY = "AWS::IAM::Policy";

    private final Template template = Templates.hearken();

    @Test
    void webhook_and_worker_are_two_functions_of_the_same_module_with_different_exports() {
        template.hasResource(FUNCTION, Map.of(
                "Properties", Map.of("FunctionName", "hearken-ticket-webhook",
                        "Environment", Map.of("Variables", Map.of(
                                "QUARKUS_FUNQY_EXPORT", "webhook",
                                "HEARKEN_ZENDESK_SECRET_ID", "hearken/zendesk",
                                "HEARKEN_QUEUES_TICKETS", Map.of("Ref", queue("hearken-tickets"))))),
                "Metadata", Map.of("hearken:artifact", "functions/ticket-classify/target/function.zip")));
        template.hasResource(FUNCTION, Map.of(
                "Properties", Map.of("FunctionName", "hearken-ticket-classify",
                        "MemorySize", 1024,
                        "Timeout", 30,
                        "Environment", Map.of("Variables", Map.of(
                                "QUARKUS_FUNQY_EXPORT", "classify",
                                "HEARKEN_ZENDESK_SECRET_ID", "hearken/zendesk",
                                "HEARKEN_QUEUES_TICKETS", Map.of("Ref", queue("hearken-tickets")),
                                "HEARKEN_QUEUES_AUTO_REPLY", Map.of("Ref", queue("hearken-auto-reply")),
                                "HEARKEN_TABLES_TICKET_DECISIONS", "hearken-ticket-decisions",
                                "HEARKEN_TABLES_ROUTING_RULES", "hearken-routing-rules",
                                "HEARKEN_TABLES_VIP", "hearken-vip"))),
                "Metadata", Map.of("hearken:artifact", "functions/ticket-classify/target/function.zip")));
    }

    @Test
    void the_webhook_is_routed_from_post_webhooks_zendesk_through_a_proxy_integration() {
        String integration = template.getResourceId("AWS::ApiGatewayV2::Integration",
                Map.of("Properties", Map.of("IntegrationUri", arnOf(function("hearken-ticket-webhook")),
                        "PayloadFormatVersion", "2.0")));
        template.hasResourceProperties("AWS::ApiGatewayV2::Route", Map.of(
                "RouteKey", "POST /webhooks/zendesk",
                "Target", Map.of("Fn::Join", List.of("", List.of("integrations/", Map.of("Ref", integration))))));
    }

    @Test
    void the_worker_consumes_the_tickets_queue_with_partial_batch_failures() {
        Templates.consumes(template, "hearken-ticket-classify", "hearken-tickets", Map.of(
                "BatchSize", 10, "ScalingConfig", Map.of("MaximumConcurrency", 5)));
    }

    @Test
    void both_queues_have_a_dlq_and_a_visibility_timeout_six_times_their_consumer_timeout() {
        Templates.hasWorkerQueue(template, "hearken-tickets", 180);
        Templates.hasWorkerQueue(template, "hearken-auto-reply", 180);
    }

    @Test
    void decisions_expire_routing_rules_and_vip_do_not() {
        template.hasResourceProperties(TABLE, Map.of(
                "TableName", "hearken-ticket-decisions",
                "KeySchema", List.of(
                        Map.of("AttributeName", "ticketId", "KeyType", "HASH"),
                        Map.of("AttributeName", "eventKey", "KeyType", "RANGE")),
                "TimeToLiveSpecification", Map.of("AttributeName", "expiresAt", "Enabled", true)));
        template.hasResourceProperties(TABLE, Map.of(
                "TableName", "hearken-routing-rules",
                "KeySchema", List.of(Map.of("AttributeName", "ruleId", "KeyType", "HASH")),
                "TimeToLiveSpecification", Match.absent()));
        template.hasResourceProperties(TABLE, Map.of(
                "TableName", "hearken-vip",
                "KeySchema", List.of(Map.of("AttributeName", "vipKey", "KeyType", "HASH")),
                "TimeToLiveSpecification", Match.absent()));
    }

    @Test
    void the_zendesk_secret_has_no_value_in_the_template_only_a_generated_one() {
        template.hasResourceProperties("AWS::SecretsManager::Secret", Map.of(
                "Name", "hearken/zendesk",
                "SecretString", Match.absent(),
                "GenerateSecretString", Match.objectLike(Map.of("GenerateStringKey", "webhookSigningSecret"))));
    }

    @Test
    void the_webhook_may_only_read_the_secret_send_to_the_tickets_queue_and_write_its_logs() {
        template.hasResourceProperties(POLICY, Map.of(
                "Roles", List.of(Map.of("Ref", role("hearken-ticket-webhook"))),
                "PolicyDocument", Map.of("Statement", List.of(
                        allow(List.of("logs:CreateLogStream", "logs:PutLogEvents"), arnOf(logGroup("hearken-ticket-webhook"))),
                        allow(List.of("sqs:SendMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"),
                                arnOf(queue("hearken-tickets"))),
                        allow("secretsmanager:GetSecretValue", Map.of("Ref", secret()))))));
    }

    @Test
    void the_worker_may_send_waiting_copies_to_its_own_queue_and_given_up_tickets_to_the_dlq_and_knows_both_urls() {
        List<String> send = List.of("sqs:SendMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl");
        template.hasResourceProperties(POLICY, Map.of(
                "Roles", List.of(Map.of("Ref", role("hearken-ticket-classify"))),
                "PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(
                        allow(send, arnOf(queue("hearken-tickets"))),
                        allow(send, arnOf(queue("hearken-tickets-dlq"))))))));
        template.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "FunctionName", "hearken-ticket-classify",
                "Environment", Map.of("Variables", Match.objectLike(Map.of(
                        "HEARKEN_QUEUES_TICKETS", Map.of("Ref", queue("hearken-tickets")),
                        "HEARKEN_QUEUES_TICKETS_DLQ", Map.of("Ref", queue("hearken-tickets-dlq")))))));
    }

    @Test
    void the_worker_gets_exactly_the_table_actions_its_adapters_call() {
        String role = role("hearken-ticket-classify");
        template.hasResourceProperties(POLICY, Map.of(
                "Roles", List.of(Map.of("Ref", role)),
                "PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(
                        allow(List.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem"),
                                List.of(arnOf(table("hearken-ticket-decisions")))),
                        allow(List.of("dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query", "dynamodb:Scan"),
                                List.of(arnOf(table("hearken-routing-rules")))),
                        allow(List.of("dynamodb:GetItem", "dynamodb:BatchGetItem"),
                                List.of(arnOf(table("hearken-vip")))))))));
    }

    private String secret() {
        return Templates.logicalId(template, "AWS::SecretsManager::Secret", "Name", "hearken/zendesk");
    }

    private String logGroup(String functionName) {
        return Templates.logicalId(template, "AWS::Logs::LogGroup", "LogGroupName", "/aws/lambda/" + functionName);
    }

    private static Map<String, Object> allow(Object actions, Object resource) {
        return Map.of("Effect", "Allow", "Action", actions, "Resource", resource);
    }
}
