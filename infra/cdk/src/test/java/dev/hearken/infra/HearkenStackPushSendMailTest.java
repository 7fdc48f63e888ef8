package dev.hearken.infra;

import static dev.hearken.infra.Templates.arnOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** push-send's e-mail channel and program-overview counters: the key of unsubscribe tokens and the program-stats grant. */
class HearkenStackPushSendMailTest {

    private static final String POLICY = "AWS::IAM::Policy";

    private final Template template = Templates.hearken();

    private String workerRole() {
        return Templates.logicalId(template, "AWS::IAM::Role", "Description",
                "Runs hearken-push-send; permissions come from explicit grants only.");
    }

    @Test
    void the_worker_adds_program_counters_with_update_item_only() {
        String table = Templates.logicalId(template, "AWS::DynamoDB::Table", "TableName", "hearken-program-stats");
        template.hasResourceProperties(POLICY, Map.of(
                "Roles", List.of(Map.of("Ref", workerRole())),
                "PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Effect", "Allow", "Action", "dynamodb:UpdateItem",
                        "Resource", Match.arrayWith(List.of(arnOf(table))))))))));
        template.hasResourceProperties("AWS::Lambda::Function", Map.of("FunctionName", "hearken-push-send",
                "Environment", Map.of("Variables", Match.objectLike(Map.of(
                        "HEARKEN_TABLES_PROGRAM_STATS", "hearken-program-stats",
                        "HEARKEN_MAIL_SECRET_ID", "hearken/push-mail",
                        "HEARKEN_MAIL_FROM", "notifications@mail.hearken.example")))));
    }

    @Test
    void the_unsubscribe_key_is_a_secret_without_a_value_that_only_the_worker_the_unsubscribe_endpoint_and_the_feedback_consumer_read() {
        Map<String, Map<String, Object>> secrets = template.findResources("AWS::SecretsManager::Secret",
                Map.of("Properties", Match.objectLike(Map.of("Name", "hearken/push-mail"))));
        assertThat(secrets).hasSize(1);
        String id = secrets.keySet().iterator().next();
        assertThat(((Map<?, ?>) secrets.get(id).get("Properties")).containsKey("SecretString")).isFalse();
        Map<String, Map<String, Object>> readers = template.findResources(POLICY, Map.of("Properties", Map.of(
                "PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Action", "secretsmanager:GetSecretValue", "Resource", Map.of("Ref", id)))))))));
        assertThat(readers).hasSize(3);
        assertThat(readers.values().toString()).contains(workerRole(), Templates.role("hearken-mail-unsubscribe"),
                Templates.role("hearken-mail-feedback"));
    }
}
