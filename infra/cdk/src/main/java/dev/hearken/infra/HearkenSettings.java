package dev.hearken.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import software.constructs.Construct;
import software.constructs.Node;

/**
 * Deployment-wide settings, read from CDK context so that {@code cdk synth -c key=value}, {@code cdk.json}
 * and the Maven build all configure the app the same way.
 *
 * <table>
 *   <caption>Context keys</caption>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@value #PREFIX}</td><td>{@code hearken}</td>
 *       <td>prefix of every physical name: tables and queues are {@code <prefix>-<name>}</td></tr>
 *   <tr><td>{@value #NATIVE}</td><td>{@code false}</td>
 *       <td>functions run their native zip on {@code provided.al2023} instead of the JVM zip on {@code java21}</td></tr>
 *   <tr><td>{@value #PLACEHOLDER_CODE}</td><td>{@code false}</td>
 *       <td>always use the placeholder asset instead of the functions' zips (tests, the packaged template)</td></tr>
 *   <tr><td>{@value #ROOT}</td><td>found from the working directory</td>
 *       <td>repository root, against which function artifacts are resolved</td></tr>
 *   <tr><td>{@value #MAIL_DOMAIN}</td><td>{@code mail.hearken.example}</td>
 *       <td>domain Hearken sends e-mail from (an SES domain identity; set it to a domain you own,
 *       then publish the DKIM records SES shows for it)</td></tr>
 * </table>
 *
 * @param prefix          prefix of every physical resource name
 * @param nativeImage     whether functions deploy their GraalVM native build
 * @param placeholderCode whether to skip the real function zips altogether
 * @param root            repository root
 * @param mailDomain      domain of every address Hearken sends e-mail from
 */
public record HearkenSettings(String prefix, boolean nativeImage, boolean placeholderCode, Path root, String mailDomain) {

    /** Context key of {@link #prefix()}. */
    public static final String PREFIX = "hearken:prefix";
    /** Context key of {@link #nativeImage()}. */
    public static final String NATIVE = "hearken:native";
    /** Context key of {@link #placeholderCode()}. */
    public static final String PLACEHOLDER_CODE = "hearken:placeholderCode";
    /** Context key of {@link #root()}. */
    public static final String ROOT = "hearken:root";
    /** Context key of {@link #mailDomain()}. */
    public static final String MAIL_DOMAIN = "hearken:mailDomain";

    /** Used when neither context nor {@code -Dhearken.root} names the repository root. */
    private static final String ROOT_MARKER = "infra/cdk/cdk.json";

    public HearkenSettings {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(mailDomain, "mailDomain");
        if (!mailDomain.matches("(?i)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+")) {
            throw new IllegalArgumentException("hearken:mailDomain must be a domain name, got: " + mailDomain);
        }
        if (!prefix.matches("[a-z][a-z0-9-]{0,30}")) {
            // Physical names must be valid for DynamoDB, SQS and Lambda at once, and stay short.
            throw new IllegalArgumentException("hearken:prefix must be lower-case letters, digits and '-' (max 31), got: " + prefix);
        }
    }

    /** The settings in effect for {@code scope}, read from its node's context. */
    public static HearkenSettings of(Construct scope) {
        Node node = scope.getNode();
        String prefix = string(node, PREFIX, "hearken");
        boolean nativeImage = bool(node, NATIVE);
        boolean placeholder = bool(node, PLACEHOLDER_CODE);
        String root = string(node, ROOT, System.getProperty("hearken.root"));
        String mailDomain = string(node, MAIL_DOMAIN, "mail.hearken.example");
        return new HearkenSettings(prefix, nativeImage, placeholder, root == null ? findRoot() : Path.of(root),
                mailDomain.toLowerCase(Locale.ROOT));
    }

    /** The physical name of a resource: {@code <prefix>-<name>}. */
    public String physicalName(String name) {
        return prefix + "-" + name;
    }

    /** An address on {@link #mailDomain()}, e.g. {@code support@mail.hearken.example}. */
    public String mailAddress(String localPart) {
        return localPart + "@" + mailDomain;
    }

    /** The upper-case form of a kebab-case name, as used in environment variable names. */
    public static String envName(String name) {
        return name.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    private static String string(Node node, String key, String fallback) {
        Object value = node.tryGetContext(key);
        return value == null ? fallback : value.toString();
    }

    // `cdk -c key=true` passes a string, cdk.json a boolean: accept both.
    private static boolean bool(Node node, String key) {
        Object value = node.tryGetContext(key);
        return value != null && Boolean.parseBoolean(value.toString());
    }

    private static Path findRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
            if (Files.isRegularFile(candidate.resolve(ROOT_MARKER))) {
                return candidate;
            }
        }
        throw new IllegalStateException("Cannot find the repository root (a directory with " + ROOT_MARKER
                + ") above " + dir + "; pass -c " + ROOT + "=<path>");
    }
}
