package dev.hearken.infra;

import dev.hearken.infra.constructs.HearkenFunction;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class HearkenStackFunctionsTest {

    private static final String FUNCTION = "AWS::Lambda::Function";

    private final Template template = Templates.hearken();

    @Test
    void the_stack_declares_experiment_assign_and_the_two_ticket_classify_functions() {
        template.resourceCountIs(FUNCTION, 21); // + push-admin, experiments-admin, ticket-admin, auto-reply-admin, review-ingest-admin, app-api (#16); + auto-reply (#6), review-ingest, -webhook, -insights, -poller (#5), experiment-results, -conversions (#10); push-send, push-campaign, mail-unsubscribe, mail-feedback (#7); review-escalate (#15)
    }

    @Test
    void experiment_assign_runs_the_jvm_build_on_java21_through_the_quarkus_stream_handler() {
        template.hasResourceProperties(FUNCTION, Map.of(
                "FunctionName", "hearken-experiment-assign",
                "Runtime", "java21",
                "Handler", "io.quarkus.funqy.lambda.FunqyStreamHandler::handleRequest",
                "MemorySize", 512,
                "Timeout", 10,
                "Architectures", List.of("x86_64")));
    }

    @Test
    void experiment_assign_exports_the_assign_funq_method_and_knows_its_table_names() {
        template.hasResourceProperties(FUNCTION, Map.of(
                "FunctionName", "hearken-experiment-assign",
                "Environment", Map.of("Variables", Map.of(
                        "QUARKUS_FUNQY_EXPORT", "assign",
                        "HEARKEN_TABLES_EXPERIMENTS", "hearken-experiments",
                        "HEARKEN_TABLES_EXPOSURES", "hearken-exposures"))));
    }

    @Test
    void experiment_assign_tells_template_readers_which_module_zip_it_runs() {
        template.hasResource(FUNCTION, Map.of("Metadata", Map.of(
                HearkenFunction.FUNCTION_METADATA, "experiment-assign",
                HearkenFunction.ARTIFACT_METADATA, "functions/experiment-assign/target/function.zip")));
    }

    @Test
    void experiment_assign_logs_json_to_its_own_log_group_kept_for_a_month() {
        String logGroup = Templates.logicalId(template, "AWS::Logs::LogGroup",
                "LogGroupName", "/aws/lambda/hearken-experiment-assign");
        template.hasResourceProperties("AWS::Logs::LogGroup", Map.of(
                "LogGroupName", "/aws/lambda/hearken-experiment-assign",
                "RetentionInDays", 30));
        template.hasResourceProperties(FUNCTION, Map.of(
                "FunctionName", "hearken-experiment-assign",
                "LoggingConfig", Map.of("LogFormat", "JSON", "LogGroup", Map.of("Ref", logGroup))));
    }

    @Test
    void no_function_role_carries_a_managed_policy() {
        template.allResourcesProperties("AWS::IAM::Role", Map.of("ManagedPolicyArns", Match.absent()));
    }
}
