package dev.hearken.infra;

import static dev.hearken.infra.Templates.arnOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * The app backend's API (app-api, #16): its routes need a signed IAM caller, and its role may touch exactly the
 * tables that hold a user under the user id — with exactly the actions the devices, profiles and erasure need.
 */
class HearkenStackAppApiTest {

    private static final String POLICY = "AWS::IAM::Policy";
    private static final List<String> ROUTES = List.of(
            "PUT /users/{userId}/devices/{token}", "DELETE /users/{userId}/devices/{token}", "GET /users/{userId}/devices",
            "PUT /users/{userId}/profile", "GET /users/{userId}/profile", "DELETE /users/{userId}");

    private final Template template = Templates.hearken();

    @Test
    void app_api_runs_the_push_send_artifact_with_the_app_export() {
        template.hasResource("AWS::Lambda::Function", Map.of(
                "Metadata", Match.objectLike(Map.of("hearken:function", "app-api", "hearken:artifact", "functions/push-send/target/function.zip")),
                "Properties", Match.objectLike(Map.of("FunctionName", "hearken-app-api", "Timeout", 60,
                        "Environment", Map.of("Variables", Match.objectLike(Map.of("QUARKUS_FUNQY_EXPORT", "app")))))));
    }

    @Test
    void every_app_api_route_needs_a_signed_iam_caller_and_reaches_app_api() {
        String function = Templates.logicalId(template, "AWS::Lambda::Function", "FunctionName", "hearken-app-api");
        String integration = template.getResourceId("AWS::ApiGatewayV2::Integration",
                Map.of("Properties", Map.of("IntegrationUri", arnOf(function))));
        Map<String, Object> target = Map.of("Fn::Join", List.of("", List.of("integrations/", Map.of("Ref", integration))));
        for (String route : ROUTES) {
            template.hasResourceProperties("AWS::ApiGatewayV2::Route", Map.of(
                    "RouteKey", route, "AuthorizationType", "AWS_IAM", "Target", target));
        }
        template.resourcePropertiesCountIs("AWS::ApiGatewayV2::Route", Map.of("Target", target), ROUTES.size());
    }

    @Test
    void the_role_may_do_exactly_what_devices_profiles_and_erasure_need_on_exactly_their_tables() {
        Map<String, Set<String>> expected = new TreeMap<>();
        expected.put("hearken-push-devices", Set.of("dynamodb:UpdateItem", "dynamodb:Query", "dynamodb:DeleteItem"));
        expected.put("hearken-push-users", Set.of("dynamodb:GetItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem"));
        expected.put("hearken-push-caps", Set.of("dynamodb:Query", "dynamodb:DeleteItem"));
        expected.put("hearken-push-deliveries", Set.of("dynamodb:Query", "dynamodb:DeleteItem"));
        expected.put("hearken-push-segments", Set.of("dynamodb:Query", "dynamodb:DeleteItem"));
        expected.put("hearken-exposures", Set.of("dynamodb:Query", "dynamodb:DeleteItem"));
        expected.put("hearken-experiment-aggregates", Set.of("dynamodb:DeleteItem"));
        expected.put("hearken-conversions", Set.of("dynamodb:Query", "dynamodb:DeleteItem"));

        assertThat(grantsOf(Templates.role("hearken-app-api"))).isEqualTo(expected);
    }

    @Test
    void the_tables_keyed_otherwise_have_a_keys_only_user_id_index_for_the_erasure() {
        for (String table : List.of("hearken-push-deliveries", "hearken-push-segments", "hearken-exposures",
                "hearken-conversions")) {
            template.hasResourceProperties("AWS::DynamoDB::Table", Map.of("TableName", table,
                    "GlobalSecondaryIndexes", List.of(Map.of(
                            "IndexName", "byUser",
                            "KeySchema", List.of(Map.of("AttributeName", "userId", "KeyType", "HASH")),
                            "Projection", Map.of("ProjectionType", "KEYS_ONLY")))));
        }
    }

    @Test
    void only_app_api_may_query_the_user_id_indexes() {
        for (String table : List.of("hearken-push-deliveries", "hearken-push-segments", "hearken-exposures",
                "hearken-conversions")) {
            Object onItsIndexes = Match.objectLike(Map.of("Resource", Match.arrayWith(List.of(Map.of("Fn::Join",
                    List.of("", List.of(arnOf(Templates.table(table)), "/index/*")))))));
            Map<String, Map<String, Object>> policies = template.findResources(POLICY, Map.of("Properties",
                    Match.objectLike(Map.of("PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(onItsIndexes)))))));

            assertThat(policies).as(table).hasSize(1);
            assertThat(policies.values().toString()).as(table).contains(Templates.role("hearken-app-api"));
        }
    }

    /** The role's DynamoDB grants: table name → actions, each statement's resources being the table (and its indexes). */
    @SuppressWarnings("unchecked")
    private Map<String, Set<String>> grantsOf(String role) {
        Map<String, String> tables = new TreeMap<>();
        template.findResources("AWS::DynamoDB::Table").forEach((id, table) ->
                tables.put(id, (String) ((Map<String, Object>) table.get("Properties")).get("TableName")));
        Map<String, Set<String>> grants = new TreeMap<>();
        template.findResources(POLICY, Map.of("Properties", Match.objectLike(Map.of("Roles", List.of(Map.of("Ref", role))))))
                .values().forEach(policy -> {
                    Map<String, Object> document = (Map<String, Object>) ((Map<String, Object>) policy.get("Properties"))
                            .get("PolicyDocument");
                    for (Map<String, Object> statement : (List<Map<String, Object>>) document.get("Statement")) {
                        Object action = statement.get("Action");
                        List<String> actions = action instanceof List<?> list ? (List<String>) list : List.of((String) action);
                        if (actions.stream().noneMatch(a -> a.startsWith("dynamodb:"))) {
                            continue;
                        }
                        Object resource = statement.get("Resource");
                        List<Object> resources = resource instanceof List<?> list ? (List<Object>) list : List.of(resource);
                        String table = tables.entrySet().stream()
                                .filter(t -> resources.contains(arnOf(t.getKey()))).map(Map.Entry::getValue)
                                .findFirst().orElse("?" + resources);
                        grants.computeIfAbsent(table, t -> new TreeSet<>()).addAll(actions);
                    }
                });
        return grants;
    }
}
