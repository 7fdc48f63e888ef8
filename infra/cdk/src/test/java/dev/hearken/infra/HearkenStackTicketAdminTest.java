package dev.hearken.infra;

import static dev.hearken.infra.Templates.arnOf;
import static dev.hearken.infra.Templates.function;
import static dev.hearken.infra.Templates.role;
import static dev.hearken.infra.Templates.table;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * ticket-classify's operator API: {@code hearken-ticket-admin}, a third export of the module, behind IAM-authorised
 * routes only, allowed to change the routing rules and VIPs (with their audit entries), to query the decision log
 * and the audit trail, and nothing else.
 */
class HearkenStackTicketAdminTest {

    private static final String ROUTE = "AWS::ApiGatewayV2::Route";
    private static final String POLICY = "AWS::IAM::Policy";
    private static final List<String> ROUTES = List.of(
            "GET /admin/routing-rules", "POST /admin/routing-rules", "GET /admin/routing-rules/{ruleId}",
            "PUT /admin/routing-rules/{ruleId}", "DELETE /admin/routing-rules/{ruleId}",
            "GET /admin/routing-rules/{ruleId}/history",
            "GET /admin/vips", "POST /admin/vips", "GET /admin/vips/{vipKey}", "PUT /admin/vips/{vipKey}",
            "DELETE /admin/vips/{vipKey}", "GET /admin/vips/{vipKey}/history",
            "GET /admin/tickets/{ticketId}/decisions", "GET /admin/audit");

    private final Template template = Templates.hearken();

    @Test
    void the_admin_function_is_the_ticket_classify_artifact_with_the_admin_export_and_the_tables_it_uses() {
        template.hasResource("AWS::Lambda::Function", Map.of(
                "Properties", Map.of("FunctionName", "hearken-ticket-admin",
                        "Environment", Map.of("Variables", Map.of(
                                "QUARKUS_FUNQY_EXPORT", "admin",
                                "HEARKEN_TABLES_ROUTING_RULES", "hearken-routing-rules",
                                "HEARKEN_TABLES_VIP", "hearken-vip",
                                "HEARKEN_TABLES_TICKET_DECISIONS", "hearken-ticket-decisions",
                                "HEARKEN_TABLES_AUDIT", "hearken-audit"))),
                "Metadata", Map.of("hearken:artifact", "functions/ticket-classify/target/function.zip")));
    }

    @Test
    void every_operator_route_reaches_the_admin_function_and_only_through_the_iam_authoriser() {
        String integration = template.getResourceId("AWS::ApiGatewayV2::Integration",
                Map.of("Properties", Map.of("IntegrationUri", arnOf(function("hearken-ticket-admin")),
                        "PayloadFormatVersion", "2.0")));
        Map<String, Object> target = Map.of("Fn::Join", List.of("", List.of("integrations/",
                Map.of("Ref", integration))));

        for (String key : ROUTES) {
            template.hasResourceProperties(ROUTE, Map.of("RouteKey", key, "AuthorizationType", "AWS_IAM",
                    "Target", target));
        }
        assertThat(template.findResources(ROUTE, Map.of("Properties", Map.of("Target", target))))
                .hasSize(ROUTES.size());
    }

    @Test
    void the_admin_function_may_change_rules_and_vips_write_and_query_the_audit_and_only_query_decisions() {
        template.hasResourceProperties(POLICY, Map.of(
                "Roles", List.of(Map.of("Ref", role("hearken-ticket-admin"))),
                "PolicyDocument", Map.of("Statement", List.of(
                        allow(List.of("logs:CreateLogStream", "logs:PutLogEvents"), Match.anyValue()),
                        allow(List.of("dynamodb:PutItem", "dynamodb:Query"), tableAndIndexes("hearken-audit")),
                        allow(ITEM_ACTIONS, List.of(arnOf(table("hearken-routing-rules")))),
                        allow(ITEM_ACTIONS, List.of(arnOf(table("hearken-vip")))),
                        allow("dynamodb:Query", List.of(arnOf(table("hearken-ticket-decisions"))))))));
    }

    @Test
    void the_audit_table_is_keyed_by_entity_and_time_indexed_by_day_and_expires() {
        template.hasResourceProperties("AWS::DynamoDB::Table", Map.of(
                "TableName", "hearken-audit",
                "KeySchema", List.of(Map.of("AttributeName", "entity", "KeyType", "HASH"),
                        Map.of("AttributeName", "at", "KeyType", "RANGE")),
                "GlobalSecondaryIndexes", List.of(Match.objectLike(Map.of("IndexName", "byDay",
                        "KeySchema", List.of(Map.of("AttributeName", "day", "KeyType", "HASH"),
                                Map.of("AttributeName", "at", "KeyType", "RANGE"))))),
                "TimeToLiveSpecification", Map.of("AttributeName", "expiresAt", "Enabled", true)));
    }

    private static final List<String> ITEM_ACTIONS = List.of("dynamodb:GetItem", "dynamodb:Query", "dynamodb:Scan",
            "dynamodb:PutItem", "dynamodb:DeleteItem");

    private static List<Object> tableAndIndexes(String name) {
        return List.of(arnOf(table(name)), Map.of("Fn::Join", List.of("",
                List.of(arnOf(table(name)), "/index/*"))));
    }

    private static Map<String, Object> allow(Object actions, Object resource) {
        return Map.of("Effect", "Allow", "Action", actions, "Resource", resource);
    }
}
