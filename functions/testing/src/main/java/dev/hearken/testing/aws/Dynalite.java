package dev.hearken.testing.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;

/**
 * A dynalite server (npm {@code dynalite}, an in-memory DynamoDB emulator on LevelDB) for what needs
 * DynamoDB's per-item atomicity under concurrent requests, or more speed than moto: moto's server handles
 * requests on threads without locking an item between a condition check and the write, so conditional
 * updates race there. dynalite serialises writes per key, as DynamoDB does. Used by push-send's cap
 * concurrency test and worker benchmark and by the exposure log's first-exposure race test.
 *
 * <p>Installed on first use with npm into the module's {@code target/dynalite/} (about 3 s; npm registry only).
 */
public final class Dynalite implements AutoCloseable {

    private static final String VERSION = "4.0.0";

    private final Process process;
    private final URI endpoint;

    private Dynalite(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    /**
     * Whether {@code node} and {@code npm} are on the {@code PATH}: without them there is no dynalite, and a
     * test that needs it should skip saying so; with them, a failed install is a failure, not a skip.
     */
    public static boolean nodeAvailable() {
        return onPath("node") && onPath("npm");
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    /** Starts dynalite on a free port, installing it first if needed; {@code null} when node/npm are missing. */
    public static Dynalite start() throws IOException, InterruptedException {
        Path dir = Path.of("target", "dynalite").toAbsolutePath();
        Path bin = dir.resolve("node_modules/.bin/dynalite");
        if (!Files.isExecutable(bin)) {
            Files.createDirectories(dir);
            Process npm = new ProcessBuilder("npm", "install", "--no-save", "--no-audit", "--no-fund", "--prefix",
                    dir.toString(), "dynalite@" + VERSION).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("npm-install.log").toFile()).start();
            if (!npm.waitFor(180, TimeUnit.SECONDS) || npm.exitValue() != 0 || !Files.isExecutable(bin)) {
                return null;
            }
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process process = new ProcessBuilder(List.of(bin.toString(), "--port", Integer.toString(port),
                "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0"))
                .redirectErrorStream(true).redirectOutput(dir.resolve("dynalite.log").toFile()).start();
        if (Ports.listening(process, port, Duration.ofSeconds(20))) {
            return new Dynalite(process, URI.create("http://127.0.0.1:" + port));
        }
        process.destroy();
        throw new IllegalStateException("dynalite did not start; see " + dir.resolve("dynalite.log"));
    }

    public URI endpoint() {
        return endpoint;
    }

    public long pid() {
        return process.pid();
    }

    /** CPU time the dynalite process has used so far (zero where the OS does not tell). */
    public Duration cpu() {
        return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** A client of this server, with the URL-connection HTTP client the functions use. */
    public DynamoDbClient client() {
        return DynamoDbClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    /**
     * Creates the {@code tables} (physical names) as the synthesised CDK template declares them: keys only —
     * dynalite lacks {@code UpdateTimeToLive}, so {@link TemplateProvisioner}'s full provisioning does not apply.
     */
    public void createTables(DynamoDbClient dynamo, Collection<String> tables) throws IOException {
        JsonNode resources;
        try (InputStream template = Dynalite.class.getResourceAsStream(TemplateProvisioner.TEMPLATE_RESOURCE)) {
            resources = new ObjectMapper().readTree(template).path("Resources");
        }
        for (JsonNode resource : resources) {
            JsonNode props = resource.path("Properties");
            String name = props.path("TableName").asText("");
            if (tables.contains(name)) {
                List<KeySchemaElement> keys = new ArrayList<>();
                props.path("KeySchema").forEach(k -> keys.add(KeySchemaElement.builder()
                        .attributeName(k.path("AttributeName").asText()).keyType(k.path("KeyType").asText()).build()));
                List<AttributeDefinition> attributes = new ArrayList<>();
                props.path("AttributeDefinitions").forEach(a -> attributes.add(AttributeDefinition.builder()
                        .attributeName(a.path("AttributeName").asText()).attributeType(a.path("AttributeType").asText()).build()));
                dynamo.createTable(b -> b.tableName(name).keySchema(keys).attributeDefinitions(attributes)
                        .billingMode(BillingMode.PAY_PER_REQUEST));
            }
        }
    }

    @Override
    public void close() {
        process.destroy();
    }
}
