package dev.hearken.push.aws;

import dev.hearken.testing.aws.Ports;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * An ElasticMQ server (SQS-compatible, Scala on Pekko, messages in memory) in a JVM of its own, for what
 * needs more SQS speed than moto's: the campaign fan-out benchmark. Its own process keeps Scala and Pekko
 * off the test's (Quarkus') class path, and its CPU and memory apart from the test's.
 *
 * <p>The class path is resolved on first use with Maven from {@code src/test/elasticmq/pom.xml} into
 * {@code target/elasticmq/classpath.txt} (offline first, from the local repository; then online).
 */
public final class ElasticMq implements AutoCloseable {

    /** Keep in step with {@code src/test/elasticmq/pom.xml}. */
    public static final String VERSION = "1.7.1";

    /** Heap of the server's JVM: it holds every message in memory (1,000,000 small ones: ≈ 2.8 GB of RSS). */
    private static final String HEAP = System.getProperty("push.bench.elasticmq.heap", "6g");

    private final Process process;
    private final URI endpoint;

    private ElasticMq(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    /** Starts ElasticMQ on a free port, resolving it first if needed; {@code null} when Maven cannot resolve it. */
    public static ElasticMq start() throws IOException, InterruptedException {
        Path dir = Path.of("target", "elasticmq").toAbsolutePath();
        Files.createDirectories(dir);
        Path classpath = dir.resolve("classpath.txt");
        if (!Files.isRegularFile(classpath) && !resolve(dir, classpath, true) && !resolve(dir, classpath, false)) {
            return null;
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        // The server's default configuration (application.conf in elasticmq-rest-sqs) with our port; queues
        // are created by the caller, as the stack's are.
        Path config = dir.resolve("elasticmq-" + port + ".conf");
        Files.writeString(config, """
                include classpath("application.conf")
                node-address { protocol = http, host = "127.0.0.1", port = %d, context-path = "" }
                rest-sqs { enabled = true, bind-port = %d, bind-hostname = "127.0.0.1", sqs-limits = strict }
                rest-stats { enabled = false }
                """.formatted(port, port));
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(List.of(java, "-Xmx" + HEAP, "-Dconfig.file=" + config,
                "-cp", Files.readString(classpath).trim(), "org.elasticmq.server.Main"))
                .redirectErrorStream(true).redirectOutput(dir.resolve("elasticmq.log").toFile()).start();
        if (Ports.listening(process, port, Duration.ofSeconds(60))) {
            return new ElasticMq(process, URI.create("http://127.0.0.1:" + port));
        }
        process.destroy();
        throw new IllegalStateException("ElasticMQ did not start; see " + dir.resolve("elasticmq.log"));
    }

    /** {@code mvn dependency:build-classpath} of the server, with the Maven running this build when known. */
    private static boolean resolve(Path dir, Path classpath, boolean offline) throws IOException, InterruptedException {
        String mavenHome = System.getProperty("maven.home");
        String mvn = mavenHome != null && Files.isExecutable(Path.of(mavenHome, "bin", "mvn"))
                ? Path.of(mavenHome, "bin", "mvn").toString()
                : Path.of(System.getProperty("hearken.root", "../.."), "mvnw").toString();
        List<String> command = new ArrayList<>(List.of(mvn, "-B", "-q", "-f",
                Path.of("src", "test", "elasticmq", "pom.xml").toAbsolutePath().toString(),
                "dependency:build-classpath", "-Dmdep.outputFile=" + classpath));
        if (offline) {
            command.add("-o");
        }
        Process maven = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("resolve.log").toFile()).start();
        return maven.waitFor(300, TimeUnit.SECONDS) && maven.exitValue() == 0 && Files.isRegularFile(classpath);
    }

    public URI endpoint() {
        return endpoint;
    }

    public long pid() {
        return process.pid();
    }

    /** CPU time the server's JVM has used so far (zero where the OS does not tell). */
    public Duration cpu() {
        return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** A client of this server, with the URL-connection HTTP client the functions use. */
    public SqsClient client(ExecutionInterceptor... interceptors) {
        return SqsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .overrideConfiguration(c -> List.of(interceptors).forEach(c::addExecutionInterceptor))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @Override
    public void close() {
        process.destroy();
    }
}
