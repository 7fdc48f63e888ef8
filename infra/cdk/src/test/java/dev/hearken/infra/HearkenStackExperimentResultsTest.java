package dev.hearken.infra;

import static dev.hearken.infra.Templates.function;
import static dev.hearken.infra.Templates.role;
import static dev.hearken.infra.Templates.arnOf;

import dev.hearken.infra.constructs.HearkenFunction;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** Issue #10: the results API, the conversions worker, their tables, queue, routes and grants. */
class HearkenStackExperimentResultsTest {

    private static final String TABLE = "AWS::DynamoDB::Table";
    private static final String FUNCTION = "AWS::Lambda::Function";
    private static final String POLICY = "AWS::IAM::Policy";

    private final Template template = Templates.hearken();

    @Test
    void aggregates_are_keyed_by_experiment_and_item_kind_and_only_per_user_totals_expire() {
        template.hasResourceProperties(TABLE, Map.of(
                "TableName", "hearken-experiment-aggregates",
                "KeySchema", List.of(
                        Map.of("AttributeName", "experimentKey", "KeyType", "HASH"),
                        Map.of("AttributeName", "sk", "KeyType", "RANGE")),
                "TimeToLiveSpecification", Map.of("AttributeName", "expiresAt", "Enabled", true)));
    }

    @Test
    void conversions_are_keyed_by_event_id_and_expire() {
        template.hasResourceProperties(TABLE, Map.of(
                "TableName", "hearken-conversions",
                "KeySchema", List.of(Map.of("AttributeName", "eventId", "KeyType", "HASH")),
                "TimeToLiveSpecification", Map.of("AttributeName", "expiresAt", "Enabled", true)));
    }

    @Test
    void program_stats_are_keyed_by_program_and_day_and_never_expire() {
        template.hasResourceProperties(TABLE, Map.of(
                "TableName", "hearken-program-stats",
                "KeySchema", List.of(
                        Map.of("AttributeName", "program", "KeyType", "HASH"),
                        Map.of("AttributeName", "day", "KeyType", "RANGE")),
                "TimeToLiveSpecification", Match.absent()));
    }

    @Test
    void results_and_conversions_run_the_experiment_assign_artifact_with_their_own_export() {
        template.hasResource(FUNCTION, Map.of(
                "Metadata", Map.of(
                        HearkenFunction.FUNCTION_METADATA, "experiment-results",
                        HearkenFunction.ARTIFACT_METADATA, "functions/experiment-assign/target/function.zip"),
                "Properties", Map.of("FunctionName", "hearken-experiment-results",
                        "Environment", Map.of("Variables", Map.of(
                                "QUARKUS_FUNQY_EXPORT", "results",
                                "HEARKEN_TABLES_EXPERIMENTS", "hearken-experiments",
                                "HEARKEN_TABLES_EXPOSURES", "hearken-exposures",
                                "HEARKEN_TABLES_EXPERIMENT_AGGREGATES", "hearken-experiment-aggregates",
                                "HEARKEN_TABLES_CONVERSIONS", "hearken-conversions",
                                "HEARKEN_TABLES_PROGRAM_STATS", "hearken-program-stats")))));
        template.hasResource(FUNCTION, Map.of(
                "Metadata", Map.of(
                        HearkenFunction.FUNCTION_METADATA, "experiment-conversions",
                        HearkenFunction.ARTIFACT_METADATA, "functions/experiment-assign/target/function.zip"),
                "Properties", Map.of("FunctionName", "hearken-experiment-conversions",
                        "Environment", Map.of("Variables", Map.of("QUARKUS_FUNQY_EXPORT", "conversions")))));
    }

    @Test
    void experiment_assign_knows_the_aggregates_table_it_counts_exposures_in() {
        template.hasResourceProperties(FUNCTION, Map.of(
                "FunctionName", "hearken-experiment-assign",
                "Environment", Map.of("Variables", Map.of(
                        "HEARKEN_TABLES_EXPERIMENT_AGGREGATES", "hearken-experiment-aggregates"))));
    }

    @Test
    void the_results_api_routes_reach_experiment_results() {
        String integration = template.getResourceId("AWS::ApiGatewayV2::Integration",
                Map.of("Properties", Map.of("IntegrationUri", arnOf(function("hearken-experiment-results")))));
        Map<String, Object> target = Map.of("Fn::Join", List.of("", List.of("integrations/", Map.of("Ref", integration))));
        for (String routeKey : List.of("GET /experiments/{key}/results", "POST /experiments/{key}/rollout",
                "POST /conversions", "GET /programs/{program}/overview")) {
            template.hasResourceProperties("AWS::ApiGatewayV2::Route", Map.of("RouteKey", routeKey, "Target", target));
        }
    }

    @Test
    void the_conversions_queue_has_a_dlq_and_a_visibility_timeout_six_times_the_worker_timeout() {
        Templates.hasWorkerQueue(template, "hearken-conversions", 60);
    }

    @Test
    void experiment_conversions_consumes_the_queue_reporting_partial_batch_failures() {
        Templates.consumes(template, "hearken-experiment-conversions", "hearken-conversions", Map.of(
                "BatchSize", 10, "ScalingConfig", Map.of("MaximumConcurrency", 5)));
    }

    @Test
    void experiment_results_may_call_exactly_the_table_actions_its_code_makes() {
        template.hasResourceProperties(POLICY, Map.of(
                "Roles", List.of(Map.of("Ref", role("hearken-experiment-results"))),
                "PolicyDocument", Map.of("Statement", List.of(
                        Match.objectLike(Map.of("Action", List.of("logs:CreateLogStream", "logs:PutLogEvents"))),
                        allow(List.of("dynamodb:Scan", "dynamodb:GetItem", "dynamodb:PutItem"), table("hearken-experiments")),
                        allow("dynamodb:GetItem", table("hearken-exposures")),
                        allow(List.of("dynamodb:Query", "dynamodb:GetItem", "dynamodb:UpdateItem"),
                                table("hearken-experiment-aggregates")),
                        allow(List.of("dynamodb:PutItem", "dynamodb:GetItem"), table("hearken-conversions")),
                        allow(List.of("dynamodb:Query", "dynamodb:UpdateItem"), table("hearken-program-stats")),
                        // a rollout's audit entry (#16): the rollout route shares the operator API's audited write
                        allow(List.of("dynamodb:PutItem", "dynamodb:Query"), tableAndIndexes("hearken-audit"))))));
    }

    @Test
    void experiment_conversions_may_call_exactly_the_table_actions_its_code_makes_and_consume_its_queue() {
        String queue = Templates.logicalId(template, "AWS::SQS::Queue", "QueueName", "hearken-conversions");
        template.hasResourceProperties(POLICY, Map.of(
                "Roles", List.of(Map.of("Ref", role("hearken-experiment-conversions"))),
                "PolicyDocument", Map.of("Statement", List.of(
                        Match.objectLike(Map.of("Action", List.of("logs:CreateLogStream", "logs:PutLogEvents"))),
                        allow("dynamodb:Scan", table("hearken-experiments")),
                        allow("dynamodb:GetItem", table("hearken-exposures")),
                        allow(List.of("dynamodb:GetItem", "dynamodb:UpdateItem"), table("hearken-experiment-aggregates")),
                        allow(List.of("dynamodb:PutItem", "dynamodb:GetItem"), table("hearken-conversions")),
                        allow("dynamodb:UpdateItem", table("hearken-program-stats")),
                        Match.objectLike(Map.of("Action", List.of("sqs:ReceiveMessage", "sqs:ChangeMessageVisibility",
                                "sqs:GetQueueUrl", "sqs:DeleteMessage", "sqs:GetQueueAttributes"),
                                "Resource", arnOf(queue)))))));
    }

    private List<Object> tableAndIndexes(String name) {
        Map<String, Object> arn = arnOf(Templates.logicalId(template, TABLE, "TableName", name));
        return List.of(arn, Map.of("Fn::Join", List.of("", List.of(arn, "/index/*"))));
    }

    private List<Object> table(String name) {
        return List.of(arnOf(Templates.logicalId(template, TABLE, "TableName", name)));
    }

    private static Map<String, Object> allow(Object actions, Object resource) {
        return Map.of("Effect", "Allow", "Action", actions, "Resource", resource);
    }
}
