package dev.hearken.testing.aws;

import dev.hearken.testing.RepositoryRoot;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.ses.SesClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * One AWS endpoint for tests and the local runtime.
 *
 * <p>If {@code AWS_ENDPOINT_URL} (or the system property {@code aws.endpointUrl}) is set — LocalStack,
 * Floci, MiniStack, a moto server you started — it is used as is. Otherwise a moto server is started
 * on a free port for the life of this JVM. Credentials: the default chain when an endpoint is given
 * (emulators accept anything, real AWS needs real ones), static {@code test/test} for our own moto.
 */
public final class Emulator {

    private static Emulator shared;

    private final URI endpoint;
    private final Region region;
    private final AwsCredentialsProvider credentials;
    private final boolean owned;
    private final DynamoDbClient dynamo;
    private final SqsClient sqs;
    private final SecretsManagerClient secrets;
    private final SesClient ses;
    private final SchedulerClient scheduler;

    private Emulator(URI endpoint, Region region, AwsCredentialsProvider credentials, boolean owned) {
        this.endpoint = endpoint;
        this.region = region;
        this.credentials = credentials;
        this.owned = owned;
        this.dynamo = client(DynamoDbClient.builder());
        this.sqs = client(SqsClient.builder());
        this.secrets = client(SecretsManagerClient.builder());
        this.ses = client(SesClient.builder());
        this.scheduler = client(SchedulerClient.builder());
    }

    /** A client of any AWS service pointed at this endpoint, with the region and credentials in effect. */
    public <C, B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>> C client(B builder) {
        return builder.endpointOverride(endpoint).region(region).credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    /** The emulator shared by everything in this JVM, started on first use. */
    public static synchronized Emulator shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    private static Emulator start() {
        Region region = Region.of(firstNonBlank(System.getenv("AWS_REGION"), System.getenv("AWS_DEFAULT_REGION"), "us-east-1"));
        String configured = firstNonBlank(System.getProperty("aws.endpointUrl"), System.getenv("AWS_ENDPOINT_URL"), null);
        if (configured != null) {
            boolean hasKeys = System.getenv("AWS_ACCESS_KEY_ID") != null || System.getenv("AWS_PROFILE") != null;
            AwsCredentialsProvider creds = hasKeys
                    ? DefaultCredentialsProvider.builder().build()
                    : StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
            return new Emulator(URI.create(configured), region, creds, false);
        }
        Path root = RepositoryRoot.get();
        MotoServer moto = MotoServer.start(root, Path.of("target", "moto-server.log").toAbsolutePath());
        Runtime.getRuntime().addShutdownHook(new Thread(moto::close, "moto-server-stop"));
        return new Emulator(moto.endpoint(), region,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")), true);
    }

    public URI endpoint() {
        return endpoint;
    }

    public Region region() {
        return region;
    }

    /** Whether this JVM started the emulator (and so may wipe it freely). */
    public boolean owned() {
        return owned;
    }

    public DynamoDbClient dynamo() {
        return dynamo;
    }

    public SqsClient sqs() {
        return sqs;
    }

    public SecretsManagerClient secrets() {
        return secrets;
    }

    public SesClient ses() {
        return ses;
    }

    public SchedulerClient scheduler() {
        return scheduler;
    }

    /**
     * What SES accepted for sending, read from the emulator — moto keeps every message and shows it
     * at {@code /moto-api/data.json}; SES itself has no API to read sent mail, so against another
     * emulator or real AWS this fails with a clear message instead of guessing.
     */
    public SentMail sentMail() {
        return new SentMail(endpoint);
    }

    /**
     * Quarkus configuration that points the Quarkiverse clients at this endpoint — the same keys a
     * user sets to reach LocalStack or real AWS, nothing test-only in the application code.
     */
    public Map<String, String> quarkusConfig() {
        return quarkusConfig(true);
    }

    private Map<String, String> quarkusConfig(boolean onlyPresentExtensions) {
        Map<String, String> config = new LinkedHashMap<>();
        // For AWS clients without a Quarkiverse extension (Secrets Manager): our own producers read these.
        config.put("hearken.aws.endpoint-override", endpoint.toString());
        config.put("hearken.aws.region", region.id());
        for (String service : new String[] {"dynamodb", "sqs", "ses"}) {
            if (onlyPresentExtensions && !extensionPresent(service)) {
                continue; // Quarkus warns about keys of extensions the application does not have
            }
            config.put("quarkus." + service + ".endpoint-override", endpoint.toString());
            config.put("quarkus." + service + ".aws.region", region.id());
            if (credentials instanceof StaticCredentialsProvider) {
                config.put("quarkus." + service + ".aws.credentials.type", "static");
                config.put("quarkus." + service + ".aws.credentials.static-provider.access-key-id", "test");
                config.put("quarkus." + service + ".aws.credentials.static-provider.secret-access-key", "test");
            }
        }
        return config;
    }

    /**
     * The environment a process (a function started by the local runtime) needs to reach this
     * endpoint through the AWS SDK's standard variables.
     */
    public Map<String, String> processEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AWS_ENDPOINT_URL", endpoint.toString());
        env.put("AWS_REGION", region.id());
        if (credentials instanceof StaticCredentialsProvider) {
            env.put("AWS_ACCESS_KEY_ID", "test");
            env.put("AWS_SECRET_ACCESS_KEY", "test");
        }
        env.putAll(quarkusEnv());
        return env;
    }

    private Map<String, String> quarkusEnv() {
        Map<String, String> env = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : quarkusConfig(false).entrySet()) {
            env.put(e.getKey().toUpperCase().replaceAll("[^A-Z0-9]", "_"), e.getValue());
        }
        return env;
    }

    private static boolean extensionPresent(String service) {
        String runtimePackage = "io/quarkiverse/amazon/" + service + "/runtime/";
        return Thread.currentThread().getContextClassLoader().getResource(runtimePackage) != null
                || Emulator.class.getClassLoader().getResource(runtimePackage) != null;
    }

    private static String firstNonBlank(String a, String b, String fallback) {
        if (a != null && !a.isBlank()) {
            return a;
        }
        if (b != null && !b.isBlank()) {
            return b;
        }
        return fallback;
    }
}
