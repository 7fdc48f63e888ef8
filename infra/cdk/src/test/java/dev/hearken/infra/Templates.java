package dev.hearken.infra;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.assertions.Template;

/**
 * Synthesised templates shared by the test classes: a synth costs seconds, so Hearken's stack is
 * synthesised once per test JVM. Code is always the placeholder, so no test needs a function build.
 */
public final class Templates {

    private static Template hearken;

    private Templates() {
    }

    /** Hearken's stack with default settings. */
    public static synchronized Template hearken() {
        if (hearken == null) {
            hearken = Template.fromStack(HearkenApp.define(app(Map.of())));
        }
        return hearken;
    }

    /** An app with placeholder code and {@code context} on top. */
    public static App app(Map<String, Object> context) {
        Map<String, Object> all = new HashMap<>(context);
        all.put(HearkenSettings.PLACEHOLDER_CODE, true);
        return new App(AppProps.builder().context(all).build());
    }

    /** Logical id of the Lambda function named {@code name} in Hearken's stack. */
    public static String function(String name) {
        return logicalId(hearken(), "AWS::Lambda::Function", "FunctionName", name);
    }

    /** Logical id of the queue named {@code name} in Hearken's stack. */
    public static String queue(String name) {
        return logicalId(hearken(), "AWS::SQS::Queue", "QueueName", name);
    }

    /** Logical id of the table named {@code name} in Hearken's stack. */
    public static String table(String name) {
        return logicalId(hearken(), "AWS::DynamoDB::Table", "TableName", name);
    }

    /** Logical id of the role of the function named {@code functionName} in Hearken's stack. */
    public static String role(String functionName) {
        return logicalId(hearken(), "AWS::IAM::Role", "Description",
                "Runs " + functionName + "; permissions come from explicit grants only.");
    }

    /** {@code Fn::GetAtt [logicalId, Arn]}, as CDK references a resource's ARN. */
    public static Map<String, Object> arnOf(String logicalId) {
        return Map.of("Fn::GetAtt", List.of(logicalId, "Arn"));
    }

    /** The logical id of the only resource of {@code type} with {@code nameProperty = name}. */
    public static String logicalId(Template template, String type, String nameProperty, String name) {
        return template.getResourceId(type, Map.of("Properties", Map.of(nameProperty, name)));
    }

    /**
     * Asserts that the queue named {@code name} has the visibility timeout {@code visibilityTimeoutSeconds}
     * and redrives to {@code <name>-dlq} after 5 receives, as {@code WorkerQueue} declares it.
     */
    public static void hasWorkerQueue(Template template, String name, int visibilityTimeoutSeconds) {
        String dlq = logicalId(template, "AWS::SQS::Queue", "QueueName", name + "-dlq");
        template.hasResourceProperties("AWS::SQS::Queue", Map.of(
                "QueueName", name,
                "VisibilityTimeout", visibilityTimeoutSeconds,
                "RedrivePolicy", Map.of("deadLetterTargetArn", arnOf(dlq), "maxReceiveCount", 5)));
    }

    /**
     * Asserts that the function named {@code functionName} consumes the queue named {@code queueName}
     * reporting partial batch failures, with {@code settings} (e.g. {@code BatchSize}, {@code ScalingConfig})
     * on the event source mapping.
     */
    public static void consumes(Template template, String functionName, String queueName, Map<String, Object> settings) {
        Map<String, Object> properties = new HashMap<>(settings);
        properties.put("FunctionName", Map.of("Ref", logicalId(template, "AWS::Lambda::Function", "FunctionName", functionName)));
        properties.put("EventSourceArn", arnOf(logicalId(template, "AWS::SQS::Queue", "QueueName", queueName)));
        properties.put("FunctionResponseTypes", List.of("ReportBatchItemFailures"));
        template.hasResourceProperties("AWS::Lambda::EventSourceMapping", properties);
    }
}
