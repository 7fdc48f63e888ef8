package dev.hearken.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Template;

/**
 * CloudFormation logical ids are derived from construct paths, and a changed logical id makes
 * CloudFormation replace the resource: a new, empty table or queue, and a failed deployment on the
 * literal physical names. The contexts therefore declare into the stack's scope; these tests fail when a
 * table, queue, function or secret moves below another construct.
 */
class HearkenStackLogicalIdsTest {

    private static final Template TEMPLATE = Template.fromStack(HearkenApp.define(Templates.app(
            Map.of("aws:cdk:enable-path-metadata", true))));

    @Test
    void every_table_sits_directly_below_the_stack_as_its_pascal_case_name_plus_table() {
        Map<String, Map<String, Object>> tables = TEMPLATE.findResources("AWS::DynamoDB::Table");
        assertThat(tables).isNotEmpty();
        tables.values().forEach(table -> assertThat(path(table))
                .isEqualTo("Hearken/" + pascal(name(table, "TableName")) + "Table/Table/Resource"));
    }

    @Test
    void every_queue_and_its_dlq_sit_directly_below_the_stack_as_its_pascal_case_name_plus_queue() {
        Map<String, Map<String, Object>> queues = TEMPLATE.findResources("AWS::SQS::Queue");
        assertThat(queues).isNotEmpty();
        queues.values().forEach(queue -> {
            String name = name(queue, "QueueName");
            assertThat(path(queue)).isEqualTo(name.endsWith("-dlq")
                    ? "Hearken/" + pascal(name.substring(0, name.length() - 4)) + "Queue/DeadLetterQueue/Resource"
                    : "Hearken/" + pascal(name) + "Queue/Queue/Resource");
        });
    }

    @Test
    void every_function_sits_directly_below_the_stack_as_its_pascal_case_name_plus_function() {
        Map<String, Map<String, Object>> functions = TEMPLATE.findResources("AWS::Lambda::Function");
        assertThat(functions).isNotEmpty();
        functions.values().forEach(function -> assertThat(path(function))
                .isEqualTo("Hearken/" + pascal(name(function, "FunctionName")) + "Function/Function/Resource"));
    }

    @Test
    void every_secret_sits_directly_below_the_stack() {
        Map<String, Map<String, Object>> secrets = TEMPLATE.findResources("AWS::SecretsManager::Secret");
        assertThat(secrets).isNotEmpty();
        secrets.values().forEach(secret -> assertThat(path(secret)).matches("Hearken/[A-Za-z]+Secret/Resource"));
    }

    @SuppressWarnings("unchecked")
    private static String path(Map<String, Object> resource) {
        return (String) ((Map<String, Object>) resource.get("Metadata")).get("aws:cdk:path");
    }

    /** The physical name without the {@code hearken-} prefix. */
    @SuppressWarnings("unchecked")
    private static String name(Map<String, Object> resource, String property) {
        String name = (String) ((Map<String, Object>) resource.get("Properties")).get(property);
        assertThat(name).startsWith("hearken-");
        return name.substring("hearken-".length());
    }

    private static String pascal(String kebab) {
        StringBuilder out = new StringBuilder();
        for (String part : kebab.split("-")) {
            out.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
        }
        return out.toString();
    }
}
