package dev.hearken.infra;

import software.amazon.awscdk.App;
import software.amazon.awscdk.StackProps;

/**
 * The CDK app: {@code cdk synth}/{@code cdk deploy} run this main (see {@code cdk.json}); the build
 * runs {@link TemplateExport}; tests call {@link #define}.
 */
public final class HearkenApp {

    /** Construct id of the one stack, and the name of its template in the cloud assembly. */
    public static final String STACK_ID = "Hearken";

    private HearkenApp() {
    }

    public static void main(String[] args) {
        App app = new App();
        define(app);
        app.synth();
    }

    /** Adds Hearken's stack to {@code app}; the CloudFormation stack is named after {@code hearken:prefix}. */
    public static HearkenStack define(App app) {
        HearkenSettings settings = HearkenSettings.of(app);
        return new HearkenStack(app, STACK_ID, StackProps.builder()
                .stackName(settings.prefix())
                .description("Hearken: listens to an app's users at scale (functions, tables, queues, API)")
                .build());
    }
}
