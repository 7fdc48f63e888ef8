package dev.hearken.infra;

import static dev.hearken.infra.Templates.arnOf;
import static dev.hearken.infra.Templates.queue;
import static dev.hearken.infra.Templates.role;
import static dev.hearken.infra.Templates.table;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * The review-escalate paragraph of {@link HearkenStack} (#15): a third function of the ticket-classify module
 * consuming the review-escalations queue that review-ingest produces to, with least-privilege grants.
 */
class HearkenStackReviewEscalateTest {

    private static final String FUNCTION = "AWS::Lambda::Function";
    private static final String POLICY = "AWS::IAM::Policy";

    private final Template template = Templates.hearken();

    @Test
    void review_escalate_runs_the_ticket_classify_artifact_with_the_escalate_export() {
        template.hasResource(FUNCTION, Map.of(
                "Properties", Map.of("FunctionName", "hearken-review-escalate",
                        "Timeout", 30,
                        "Environment", Map.of("Variables", Map.of(
                                "QUARKUS_FUNQY_EXPORT", "escalate",
                                "HEARKEN_ZENDESK_SECRET_ID", "hearken/zendesk",
                                "HEARKEN_QUEUES_REVIEW_ESCALATIONS", Map.of("Ref", queue("hearken-review-escalations")),
                                "HEARKEN_TABLES_ROUTING_RULES", "hearken-routing-rules"))),
                "Metadata", Map.of("hearken:function", "review-escalate",
                        "hearken:artifact", "functions/ticket-classify/target/function.zip")));
    }

    @Test
    void the_escalations_queue_has_a_dlq_after_five_receives_and_a_visibility_six_times_the_consumer_timeout() {
        Templates.hasWorkerQueue(template, "hearken-review-escalations", 180);
        template.hasResourceProperties("AWS::SQS::Queue", Map.of(
                "QueueName", "hearken-review-escalations-dlq",
                "MessageRetentionPeriod", 1209600,
                "SqsManagedSseEnabled", true));
    }

    @Test
    void review_escalate_consumes_the_escalations_queue_with_partial_batch_failures() {
        Templates.consumes(template, "hearken-review-escalate", "hearken-review-escalations", Map.of(
                "BatchSize", 5, "ScalingConfig", Map.of("MaximumConcurrency", 2)));
    }

    @Test
    void review_escalate_may_only_consume_its_queue_wait_on_it_read_the_routing_rules_and_the_zendesk_secret_and_take_its_budget() {
        template.hasResourceProperties(POLICY, Map.of(
                "Roles", List.of(Map.of("Ref", role("hearken-review-escalate"))),
                "PolicyDocument", Map.of("Statement", List.of(
                        allow(List.of("logs:CreateLogStream", "logs:PutLogEvents"), arnOf(logGroup("hearken-review-escalate"))),
                        allow(List.of("sqs:ReceiveMessage", "sqs:ChangeMessageVisibility", "sqs:GetQueueUrl",
                                "sqs:DeleteMessage", "sqs:GetQueueAttributes"), arnOf(queue("hearken-review-escalations"))),
                        allow(SEND, arnOf(queue("hearken-review-escalations"))),
                        allow(SEND, arnOf(queue("hearken-review-escalations-dlq"))),
                        allow(List.of("dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query", "dynamodb:Scan"),
                                List.of(arnOf(table("hearken-routing-rules")))),
                        allow("secretsmanager:GetSecretValue", Map.of("Ref", Templates.logicalId(template,
                                "AWS::SecretsManager::Secret", "Name", "hearken/zendesk"))),
                        allow("dynamodb:UpdateItem", List.of(arnOf(table("hearken-rate-budgets"))))))));
    }

    @Test
    void only_review_ingest_and_review_escalate_itself_for_its_waiting_copies_may_send_to_the_escalations_queue() {
        Map<String, Object> send = allow(SEND, arnOf(queue("hearken-review-escalations")));
        template.resourcePropertiesCountIs(POLICY, Map.of(
                "PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(send)))), 2);
        for (String function : List.of("hearken-review-ingest", "hearken-review-escalate")) {
            template.hasResourceProperties(POLICY, Map.of(
                    "Roles", List.of(Map.of("Ref", role(function))),
                    "PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(send)))));
        }
    }

    @Test
    void review_escalate_is_told_its_queue_and_its_dlq() {
        template.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "FunctionName", "hearken-review-escalate",
                "Environment", Map.of("Variables", Match.objectLike(Map.of(
                        "HEARKEN_QUEUES_REVIEW_ESCALATIONS", Map.of("Ref", queue("hearken-review-escalations")),
                        "HEARKEN_QUEUES_REVIEW_ESCALATIONS_DLQ", Map.of("Ref", queue("hearken-review-escalations-dlq")))))));
    }

    @Test
    void a_dead_lettered_escalation_raises_an_alarm() {
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "AlarmName", "hearken-review-escalations-dlq-not-empty",
                "Threshold", 0));
    }

    private static final List<String> SEND = List.of("sqs:SendMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl");

    private String logGroup(String functionName) {
        return Templates.logicalId(template, "AWS::Logs::LogGroup", "LogGroupName", "/aws/lambda/" + functionName);
    }

    private static Map<String, Object> allow(Object actions, Object resource) {
        return Map.of("Effect", "Allow", "Action", actions, "Resource", resource);
    }
}
