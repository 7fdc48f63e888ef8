package dev.hearken.infra.constructs;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hearken.infra.HearkenSettings;
import dev.hearken.infra.Templates;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.logs.RetentionDays;

class HearkenFunctionTest {

    @Test
    void with_native_context_a_function_runs_its_native_zip_on_provided_al2023() {
        Stack stack = new Stack(Templates.app(Map.of(HearkenSettings.NATIVE, "true")), "NativeStack");
        new HearkenFunction(stack, "Fn", HearkenFunctionProps.builder("native-fn").export("go").build());

        Template template = Template.fromStack(stack);

        template.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "FunctionName", "hearken-native-fn",
                "Runtime", "provided.al2023",
                "Environment", Map.of("Variables", Map.of(
                        "QUARKUS_FUNQY_EXPORT", "go",
                        "DISABLE_SIGNAL_HANDLERS", "true"))));
    }

    @Test
    void props_override_memory_timeout_architecture_environment_log_retention_and_the_build() {
        Stack stack = new Stack(Templates.app(Map.of(HearkenSettings.PREFIX, "acme")), "TunedStack");
        new HearkenFunction(stack, "Fn", HearkenFunctionProps.builder("tuned")
                .export("tune")
                .memoryMb(1024)
                .timeout(Duration.ofSeconds(30))
                .architecture(Architecture.ARM_64)
                .environment("HEARKEN_MODE", "strict")
                .logRetention(RetentionDays.ONE_WEEK)
                .nativeImage(false)
                .build());

        Template template = Template.fromStack(stack);

        template.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "FunctionName", "acme-tuned",
                "Runtime", "java21",
                "MemorySize", 1024,
                "Timeout", 30,
                "Architectures", List.of("arm64"),
                "Environment", Map.of("Variables", Map.of(
                        "HEARKEN_MODE", "strict",
                        "QUARKUS_FUNQY_EXPORT", "tune",
                        "DISABLE_SIGNAL_HANDLERS", Match.absent()))));
        template.hasResourceProperties("AWS::Logs::LogGroup", Map.of(
                "LogGroupName", "/aws/lambda/acme-tuned", "RetentionInDays", 7));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("AlarmName", "acme-tuned-errors"));
    }

    @Test
    void a_function_without_an_exported_funq_method_is_rejected() {
        assertThatThrownBy(() -> HearkenFunctionProps.builder("no-export").build())
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("export");
    }

    @Test
    void a_timeout_beyond_lambdas_fifteen_minutes_is_rejected() {
        assertThatThrownBy(() -> HearkenFunctionProps.builder("slow").export("go")
                        .timeout(Duration.ofMinutes(16)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("timeout");
    }
}
