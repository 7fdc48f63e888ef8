package dev.hearken.infra.constructs;

import dev.hearken.infra.HearkenSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.CfnFunction;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.LoggingFormat;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.LogGroupProps;
import software.constructs.Construct;

/**
 * One Quarkus Funqy function: its Lambda function, its own log group and role, and its error and
 * throttle alarms.
 *
 * <p>The JVM build ({@code java21}, {@code function.zip} with Quarkus' stream handler) is the default;
 * with {@code hearken:native} (or {@link HearkenFunctionProps#nativeImage()}) the same module's
 * native {@code function.zip} runs on {@code provided.al2023}. Quarkus writes both builds to
 * {@code target/function.zip}, so the flag, not the file, says which one is there.
 *
 * <p>The role starts empty: it may write to this function's log group only, and every other
 * permission comes from a grant ({@link DataTable#grantRead}, {@link WorkerQueue#consumer}, ...), so the
 * template shows exactly what each function can touch. That is why the role does not get the
 * {@code AWSLambdaBasicExecutionRole} managed policy, which allows writing to every log group.
 *
 * <p>The function resource carries metadata for tools that read the template (the local runtime):
 * {@value #FUNCTION_METADATA} (the kebab-case name) and {@value #ARTIFACT_METADATA} (the zip, relative to
 * the repository root), because the code asset in the template is only a content hash.
 */
public final class HearkenFunction extends Construct {

    /** Funqy's Lambda entry point (what Quarkus writes into sam.jvm.yaml); it calls the {@code @Funq} method named by {@code QUARKUS_FUNQY_EXPORT}. */
    public static final String HANDLER = "io.quarkus.funqy.lambda.FunqyStreamHandler::handleRequest";
    /** Metadata key on the {@code AWS::Lambda::Function} resource: the function's kebab-case name. */
    public static final String FUNCTION_METADATA = "hearken:function";
    /** Metadata key on the {@code AWS::Lambda::Function} resource: its zip, relative to the repository root. */
    public static final String ARTIFACT_METADATA = "hearken:artifact";

    private static final String PLACEHOLDER = "infra/cdk/placeholder-code";

    private final HearkenFunctionProps props;
    private final Function function;
    private final Alarm errorsAlarm;
    private final Alarm throttlesAlarm;

    public HearkenFunction(Construct scope, String id, HearkenFunctionProps props) {
        super(scope, id);
        this.props = props;
        HearkenSettings settings = HearkenSettings.of(this);
        String functionName = settings.physicalName(props.name());
        boolean nativeImage = props.nativeImage() != null ? props.nativeImage() : settings.nativeImage();
        String artifact = props.module() + "/target/function.zip";

        LogGroup logGroup = new LogGroup(this, "Logs", LogGroupProps.builder()
                .logGroupName("/aws/lambda/" + functionName)
                .retention(props.logRetention())
                .build());
        Role role = Role.Builder.create(this, "Role")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .description("Runs " + functionName + "; permissions come from explicit grants only.")
                .build();
        logGroup.grantWrite(role);

        Map<String, String> environment = new LinkedHashMap<>(props.environment());
        environment.put("QUARKUS_FUNQY_EXPORT", props.export());
        if (nativeImage) {
            // As in Quarkus' generated sam.native.yaml: Lambda's sandbox does not implement the
            // signal calls a native image makes at start-up (https://github.com/oracle/graal/issues/841).
            environment.put("DISABLE_SIGNAL_HANDLERS", "true");
        }

        this.function = Function.Builder.create(this, "Function")
                .functionName(functionName)
                .description("Hearken " + props.name() + " (" + (nativeImage ? "native" : "JVM") + ")")
                .runtime(nativeImage ? Runtime.PROVIDED_AL2023 : Runtime.JAVA_21)
                // provided.al2023 ignores the handler (the zip's `bootstrap` runs); it is kept identical
                // so both builds read the same in the template.
                .handler(HANDLER)
                .code(code(settings, artifact))
                .memorySize(props.memoryMb())
                .timeout(software.amazon.awscdk.Duration.seconds(props.timeout().toSeconds()))
                .architecture(props.architecture())
                .environment(environment)
                .role(role)
                .logGroup(logGroup)
                .loggingFormat(LoggingFormat.JSON)
                .build();
        CfnFunction cfn = (CfnFunction) function.getNode().getDefaultChild();
        cfn.addMetadata(FUNCTION_METADATA, props.name());
        cfn.addMetadata(ARTIFACT_METADATA, artifact);
        // The role's policy must exist before the function, or the first invocations can fail on logs.
        function.getNode().addDependency(role);

        this.errorsAlarm = alarmOnAny(functionName + "-errors", "Errors",
                function.metricErrors(everyFiveMinutes()), "invocations failed");
        this.throttlesAlarm = alarmOnAny(functionName + "-throttles", "Throttles",
                function.metricThrottles(everyFiveMinutes()), "invocations were throttled");
    }

    /** The kebab-case name given in the props. */
    public String name() {
        return props.name();
    }

    /** The invocation timeout; consuming queues size their visibility timeout from it. */
    public Duration timeout() {
        return props.timeout();
    }

    /** The underlying Lambda function, for grants and integrations. */
    public Function function() {
        return function;
    }

    /** Adds an environment variable, e.g. a resource name granted after construction. */
    public HearkenFunction addEnvironment(String key, String value) {
        function.addEnvironment(key, value);
        return this;
    }

    /** Alarms when any invocation fails within five minutes. */
    public Alarm errorsAlarm() {
        return errorsAlarm;
    }

    /** Alarms when any invocation is throttled within five minutes. */
    public Alarm throttlesAlarm() {
        return throttlesAlarm;
    }

    private Code code(HearkenSettings settings, String artifact) {
        Path zip = settings.root().resolve(artifact);
        if (!settings.placeholderCode() && Files.isRegularFile(zip)) {
            return Code.fromAsset(zip.toString());
        }
        // Code.fromAsset fails on a missing file: synth and tests must not need a function build.
        return Code.fromAsset(settings.root().resolve(PLACEHOLDER).toString());
    }

    private static MetricOptions everyFiveMinutes() {
        return MetricOptions.builder()
                .period(software.amazon.awscdk.Duration.minutes(5))
                .statistic("Sum")
                .build();
    }

    private Alarm alarmOnAny(String alarmName, String id, Metric metric,
            String what) {
        return Alarm.Builder.create(this, id + "Alarm")
                .alarmName(alarmName)
                .alarmDescription(props.name() + ": " + what)
                .metric(metric)
                .threshold(1)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .evaluationPeriods(1)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
    }
}
