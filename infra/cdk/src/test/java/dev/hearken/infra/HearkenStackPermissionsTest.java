package dev.hearken.infra;

import static dev.hearken.infra.Templates.arnOf;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class HearkenStackPermissionsTest {

    private static final String POLICY = "AWS::IAM::Policy";

    private final Template template = Templates.hearken();

    @Test
    void experiment_assign_may_write_its_logs_read_experiments_put_get_query_exposures_count_exposures_and_nothing_else() {
        String role = Templates.logicalId(template, "AWS::IAM::Role", "Description",
                "Runs hearken-experiment-assign; permissions come from explicit grants only.");
        String logGroup = Templates.logicalId(template, "AWS::Logs::LogGroup",
                "LogGroupName", "/aws/lambda/hearken-experiment-assign");
        String experiments = Templates.logicalId(template, "AWS::DynamoDB::Table", "TableName", "hearken-experiments");
        String exposures = Templates.logicalId(template, "AWS::DynamoDB::Table", "TableName", "hearken-exposures");
        String aggregates = Templates.logicalId(template, "AWS::DynamoDB::Table", "TableName", "hearken-experiment-aggregates");

        template.hasResourceProperties(POLICY, Map.of(
                "Roles", List.of(Map.of("Ref", role)),
                "PolicyDocument", Map.of("Statement", List.of(
                        allow(List.of("logs:CreateLogStream", "logs:PutLogEvents"), arnOf(logGroup)),
                        allow(List.of("dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query", "dynamodb:Scan"),
                                List.of(arnOf(experiments))),
                        allow(List.of("dynamodb:PutItem", "dynamodb:GetItem", "dynamodb:Query"),
                                List.of(arnOf(exposures))),
                        allow("dynamodb:UpdateItem", List.of(arnOf(aggregates)))))));
    }

    @Test
    void no_policy_statement_allows_any_resource() {
        template.resourcePropertiesCountIs(POLICY, statementWith(Map.of("Resource", "*")), 0);
        template.resourcePropertiesCountIs(POLICY,
                statementWith(Map.of("Resource", Match.arrayWith(List.of("*")))), 0);
    }

    @Test
    void no_policy_statement_allows_any_action_of_a_service() {
        template.resourcePropertiesCountIs(POLICY,
                statementWith(Map.of("Action", Match.stringLikeRegexp(".*:\\*"))), 0);
        template.resourcePropertiesCountIs(POLICY,
                statementWith(Map.of("Action", Match.arrayWith(List.of(Match.stringLikeRegexp(".*:\\*"))))), 0);
    }

    private static Map<String, Object> allow(Object actions, Object resource) {
        return Map.of("Effect", "Allow", "Action", actions, "Resource", resource);
    }

    private static Object statementWith(Map<String, Object> statement) {
        return Match.objectLike(Map.of("PolicyDocument", Map.of("Statement",
                Match.arrayWith(List.of(Match.objectLike(statement))))));
    }
}
