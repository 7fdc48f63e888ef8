package dev.hearken.infra;

import static dev.hearken.infra.Templates.arnOf;
import static dev.hearken.infra.Templates.function;
import static dev.hearken.infra.Templates.role;

import dev.hearken.infra.constructs.HearkenFunction;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** Issue #16: the operator API of experiments, its IAM routes, its grants and the audit table. */
class HearkenStackExperimentsAdminTest {

    private static final String TABLE = "AWS::DynamoDB::Table";
    private static final String POLICY = "AWS::IAM::Policy";
    private static final List<String> ROUTES = List.of("GET /admin/experiments", "POST /admin/experiments",
            "GET /admin/experiments/{experimentKey}", "PUT /admin/experiments/{experimentKey}",
            "DELETE /admin/experiments/{experimentKey}", "GET /admin/experiments/{experimentKey}/history",
            "POST /admin/experiments/{experimentKey}/start", "POST /admin/experiments/{experimentKey}/stop",
            "POST /admin/experiments/{experimentKey}/rollout");

    private final Template template = Templates.hearken();

    @Test
    void experiments_admin_runs_the_experiment_assign_artifact_with_the_admin_export_and_knows_its_tables() {
        template.hasResource("AWS::Lambda::Function", Map.of(
                "Metadata", Map.of(
                        HearkenFunction.FUNCTION_METADATA, "experiments-admin",
                        HearkenFunction.ARTIFACT_METADATA, "functions/experiment-assign/target/function.zip"),
                "Properties", Map.of("FunctionName", "hearken-experiments-admin",
                        "Environment", Map.of("Variables", Map.of(
                                "QUARKUS_FUNQY_EXPORT", "admin",
                                "HEARKEN_TABLES_EXPERIMENTS", "hearken-experiments",
                                "HEARKEN_TABLES_AUDIT", "hearken-audit")))));
    }

    @Test
    void every_operator_route_reaches_experiments_admin_only_through_the_iam_authoriser() {
        String integration = template.getResourceId("AWS::ApiGatewayV2::Integration",
                Map.of("Properties", Map.of("IntegrationUri", arnOf(function("hearken-experiments-admin")))));
        Map<String, Object> target = Map.of("Fn::Join", List.of("", List.of("integrations/", Map.of("Ref", integration))));
        for (String routeKey : ROUTES) {
            template.hasResourceProperties("AWS::ApiGatewayV2::Route", Map.of(
                    "RouteKey", routeKey, "Target", target, "AuthorizationType", "AWS_IAM"));
        }
        template.resourcePropertiesCountIs("AWS::ApiGatewayV2::Route", Map.of("Target", target), ROUTES.size());
    }

    @Test
    void experiments_admin_may_change_only_the_experiments_table_and_write_its_audit_entries() {
        template.hasResourceProperties(POLICY, Map.of(
                "Roles", List.of(Map.of("Ref", role("hearken-experiments-admin"))),
                "PolicyDocument", Map.of("Statement", List.of(
                        Match.objectLike(Map.of("Action", List.of("logs:CreateLogStream", "logs:PutLogEvents"))),
                        allow(List.of("dynamodb:PutItem", "dynamodb:Query"), tableAndIndexes("hearken-audit")),
                        allow(List.of("dynamodb:GetItem", "dynamodb:Query", "dynamodb:Scan", "dynamodb:PutItem",
                                "dynamodb:DeleteItem"), List.of(arnOf(Templates.table("hearken-experiments"))))))));
    }

    @Test
    void audit_entries_are_kept_per_object_and_day_and_expire() {
        template.hasResourceProperties(TABLE, Map.of(
                "TableName", "hearken-audit",
                "KeySchema", List.of(
                        Map.of("AttributeName", "entity", "KeyType", "HASH"),
                        Map.of("AttributeName", "at", "KeyType", "RANGE")),
                "GlobalSecondaryIndexes", List.of(Match.objectLike(Map.of("IndexName", "byDay", "KeySchema", List.of(
                        Map.of("AttributeName", "day", "KeyType", "HASH"),
                        Map.of("AttributeName", "at", "KeyType", "RANGE"))))),
                "TimeToLiveSpecification", Map.of("AttributeName", "expiresAt", "Enabled", true)));
    }

    private List<Object> tableAndIndexes(String name) {
        Map<String, Object> arn = arnOf(Templates.table(name));
        return List.of(arn, Map.of("Fn::Join", List.of("", List.of(arn, "/index/*"))));
    }

    private static Map<String, Object> allow(Object actions, Object resource) {
        return Map.of("Effect", "Allow", "Action", actions, "Resource", resource);
    }
}
