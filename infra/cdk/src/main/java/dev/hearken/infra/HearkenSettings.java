package dev.hearken.infra;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import software.constructs.Construct;
import software.constructs.Node;

/**
 * Deployment settings, all in one place: read from CDK context so that {@code cdk.json}'s {@code context},
 * {@code cdk synth|deploy -c key=value} and the Maven build configure the app the same way ({@code -c} wins
 * over {@code cdk.json}). Every key is validated here, at synth, and an error names the key.
 *
 * <p>Why context keys and not a file of our own: the CDK CLI already reads {@code cdk.json} and
 * {@code cdk.context.json}, merges {@code -c} on top and hands the result to the app, and tests set the same
 * keys through {@code AppProps.context}; a second file would need its own parser, precedence rules and
 * lookup path. Structured values (links per language, lists) are JSON objects and arrays in {@code cdk.json},
 * or {@code a=b,c=d} and {@code a,b} strings with {@code -c}.
 *
 * <table>
 *   <caption>Context keys</caption>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@value #ENVIRONMENT}</td><td>{@code local} ({@code cdk.json}: {@code production})</td>
 *       <td>{@code local} (tests, the packaged template, {@code make run}, emulators), {@code staging} or
 *       {@code production}; anything but {@code local} is a real deployment, which requires
 *       {@value #ZENDESK_SUBDOMAIN}</td></tr>
 *   <tr><td>{@value #PREFIX}</td><td>{@code hearken}</td>
 *       <td>prefix of every physical name: tables and queues are {@code <prefix>-<name>}</td></tr>
 *   <tr><td>{@value #ZENDESK_SUBDOMAIN}</td><td>none</td>
 *       <td>the Zendesk account, {@code <sub>.zendesk.com}: the functions that call Zendesk get
 *       {@code HEARKEN_ZENDESK_BASE_URL=https://<sub>.zendesk.com}</td></tr>
 *   <tr><td>{@value #APP_NAME}</td><td>{@code Hearken}</td>
 *       <td>the brand or app name in automatic replies ({@code {app}}) and the default sender name</td></tr>
 *   <tr><td>{@value #HELP_LINKS}</td><td>{@code {"default": "https://help.example.com"}}</td>
 *       <td>help-centre link per language ({@code {articleLink}}): keys {@code default} or an ISO 639 code</td></tr>
 *   <tr><td>{@value #MAIL_DOMAIN}</td><td>{@code mail.hearken.example}</td>
 *       <td>domain Hearken sends e-mail from (an SES domain identity; set it to a domain you own,
 *       then publish the DKIM records SES shows for it)</td></tr>
 *   <tr><td>{@value #MAIL_SENDER_NAME}</td><td>{@value #APP_NAME}</td>
 *       <td>display name of the From address of every mail Hearken sends</td></tr>
 *   <tr><td>{@value #ALARM_EMAIL}</td><td>none</td>
 *       <td>address subscribed to the {@code <prefix>-alarms} topic (it must confirm the subscription)</td></tr>
 *   <tr><td>{@value #CHANNELS}</td><td>{@code push, email}</td>
 *       <td>CRM channels of push-send: their secrets, functions and routes are declared only when enabled</td></tr>
 *   <tr><td>{@value #STORES}</td><td>{@code app_store, google_play, appfollow}</td>
 *       <td>review sources: their secrets, the poller and the AppFollow webhook are declared only when enabled</td></tr>
 *   <tr><td>{@value #NATIVE}</td><td>{@code false}</td>
 *       <td>functions run their native zip on {@code provided.al2023} instead of the JVM zip on {@code java21}</td></tr>
 *   <tr><td>{@value #PLACEHOLDER_CODE}</td><td>{@code false}</td>
 *       <td>always use the placeholder asset instead of the functions' zips (tests, the packaged template)</td></tr>
 *   <tr><td>{@value #ROOT}</td><td>found from the working directory</td>
 *       <td>repository root, against which function artifacts are resolved</td></tr>
 * </table>
 *
 * @param prefix           prefix of every physical resource name
 * @param nativeImage      whether functions deploy their GraalVM native build
 * @param placeholderCode  whether to skip the real function zips altogether
 * @param root             repository root
 * @param mailDomain       domain of every address Hearken sends e-mail from
 * @param environment      local, or a real deployment
 * @param zendeskSubdomain the Zendesk account's subdomain, if configured
 * @param appName          brand or app name in replies
 * @param helpLinks        help-centre link by language ({@value #DEFAULT_LANGUAGE} always present)
 * @param mailSenderName   display name on Hearken's mail
 * @param alarmEmail       where alarm notifications are mailed, if anywhere
 * @param channels         enabled CRM channels
 * @param stores           enabled review sources
 */
public record HearkenSettings(String prefix, boolean nativeImage, boolean placeholderCode, Path root, String mailDomain,
        Environment environment, Optional<String> zendeskSubdomain, String appName, Map<String, String> helpLinks,
        String mailSenderName, Optional<String> alarmEmail, Set<Channel> channels, Set<Store> stores) {

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
    /** Context key of {@link #environment()}. */
    public static final String ENVIRONMENT = "hearken:environment";
    /** Context key of {@link #zendeskSubdomain()}. */
    public static final String ZENDESK_SUBDOMAIN = "hearken:zendeskSubdomain";
    /** Context key of {@link #appName()}. */
    public static final String APP_NAME = "hearken:appName";
    /** Context key of {@link #helpLinks()}. */
    public static final String HELP_LINKS = "hearken:helpLinks";
    /** Context key of {@link #mailSenderName()}. */
    public static final String MAIL_SENDER_NAME = "hearken:mailSenderName";
    /** Context key of {@link #alarmEmail()}. */
    public static final String ALARM_EMAIL = "hearken:alarmEmail";
    /** Context key of {@link #channels()}. */
    public static final String CHANNELS = "hearken:channels";
    /** Context key of {@link #stores()}. */
    public static final String STORES = "hearken:stores";

    /** The key of {@link #helpLinks()} used for a language without a link of its own. */
    public static final String DEFAULT_LANGUAGE = "default";
    /** The help link of a stack that configures none: a placeholder, never a real help centre. */
    public static final String DEFAULT_HELP_LINK = "https://help.example.com";

    /** Used when neither context nor {@code -Dhearken.root} names the repository root. */
    private static final String ROOT_MARKER = "infra/cdk/cdk.json";
    private static final String DOMAIN = "[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+";
    // What auto-reply's Placeholders keeps of a value (letters, marks, digits, space, . ' -) and its length
    // limit: a name outside it would be silently altered in every reply.
    private static final String APP_NAME_CHARS = "[\\p{L}\\p{M}\\p{N} .'\\-]{1,40}";

    /** Where the stack runs; only {@link #LOCAL} may leave the Zendesk account unset. */
    public enum Environment {
        /** Tests, the packaged template, {@code make run}, emulator deployments. */
        LOCAL,
        /** A real AWS account used for trials. */
        STAGING,
        /** The real AWS account users' data flows through. */
        PRODUCTION;

        /** Whether this is a real AWS deployment (anything but {@link #LOCAL}). */
        public boolean deployed() {
            return this != LOCAL;
        }
    }

    /** A CRM channel of push-send. */
    public enum Channel {
        /** FCM and APNs pushes. */
        PUSH,
        /** E-mail through SES, with unsubscribe and bounce/complaint feedback. */
        EMAIL
    }

    /** A source of app-store reviews. */
    public enum Store {
        /** App Store Connect, pulled by the poller. */
        APP_STORE,
        /** Google Play, pulled by the poller. */
        GOOGLE_PLAY,
        /** AppFollow, pushing to the {@code /webhooks/appfollow} route. */
        APPFOLLOW
    }

    public HearkenSettings {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(mailDomain, "mailDomain");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(appName, "appName");
        Objects.requireNonNull(mailSenderName, "mailSenderName");
        helpLinks = Map.copyOf(helpLinks);
        channels = channels.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(channels));
        stores = stores.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(stores));
        if (!mailDomain.matches("(?i)" + DOMAIN)) {
            throw invalid(MAIL_DOMAIN, "must be a domain name", mailDomain);
        }
        if (!prefix.matches("[a-z][a-z0-9-]{0,30}")) {
            // Physical names must be valid for DynamoDB, SQS and Lambda at once, and stay short.
            throw invalid(PREFIX, "must be lower-case letters, digits and '-' (max 31)", prefix);
        }
        zendeskSubdomain.ifPresent(sub -> {
            if (!sub.matches("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?")) {
                throw invalid(ZENDESK_SUBDOMAIN, "must be the account's subdomain only (acme for acme.zendesk.com)", sub);
            }
        });
        if (environment.deployed() && zendeskSubdomain.isEmpty()) {
            throw new IllegalArgumentException(ZENDESK_SUBDOMAIN + " is required when " + ENVIRONMENT + " is "
                    + environment.name().toLowerCase(Locale.ROOT) + ": without it every function calls "
                    + "hearken-unconfigured.zendesk.com. Set it in infra/cdk/cdk.json or pass -c " + ZENDESK_SUBDOMAIN
                    + "=<sub> (or -c " + ENVIRONMENT + "=local for an emulator)");
        }
        if (!appName.matches(APP_NAME_CHARS)) {
            throw invalid(APP_NAME, "must be 1-40 letters, digits, spaces, dots, apostrophes or hyphens", appName);
        }
        if (!helpLinks.containsKey(DEFAULT_LANGUAGE)) {
            throw invalid(HELP_LINKS, "must have a \"" + DEFAULT_LANGUAGE + "\" link", helpLinks.keySet());
        }
        helpLinks.forEach(HearkenSettings::checkHelpLink);
        // A display name goes into a From header: no line breaks (header injection), no quotes or angle brackets.
        if (!mailSenderName.matches("[^\\p{Cntrl}\"<>]{1,64}") || mailSenderName.isBlank()) {
            throw invalid(MAIL_SENDER_NAME, "must be 1-64 characters without control characters, quotes or <>", mailSenderName);
        }
        alarmEmail.ifPresent(address -> {
            if (!address.matches("[A-Za-z0-9._%+\\-]+@" + DOMAIN.replace("a-z", "A-Za-z"))) {
                throw invalid(ALARM_EMAIL, "must be an e-mail address", address);
            }
        });
    }

    /** The settings in effect for {@code scope}, read from its node's context. */
    public static HearkenSettings of(Construct scope) {
        Node node = scope.getNode();
        String prefix = string(node, PREFIX, "hearken");
        boolean nativeImage = bool(node, NATIVE);
        boolean placeholder = bool(node, PLACEHOLDER_CODE);
        String root = string(node, ROOT, System.getProperty("hearken.root"));
        String mailDomain = string(node, MAIL_DOMAIN, "mail.hearken.example");
        String appName = string(node, APP_NAME, "Hearken").strip();
        Map<String, String> helpLinks = new LinkedHashMap<>(Map.of(DEFAULT_LANGUAGE, DEFAULT_HELP_LINK));
        helpLinks.putAll(map(node, HELP_LINKS));
        return new HearkenSettings(prefix, nativeImage, placeholder, root == null ? findRoot() : Path.of(root),
                mailDomain.toLowerCase(Locale.ROOT),
                named(Environment.class, ENVIRONMENT, string(node, ENVIRONMENT, "local")),
                optional(node, ZENDESK_SUBDOMAIN).map(s -> s.toLowerCase(Locale.ROOT)),
                appName, helpLinks,
                string(node, MAIL_SENDER_NAME, appName).strip(),
                optional(node, ALARM_EMAIL),
                enums(Channel.class, CHANNELS, list(node, CHANNELS, List.of("push", "email"))),
                enums(Store.class, STORES, list(node, STORES, List.of("app_store", "google_play", "appfollow"))));
    }

    /** The physical name of a resource: {@code <prefix>-<name>}. */
    public String physicalName(String name) {
        return prefix + "-" + name;
    }

    /** An address on {@link #mailDomain()}, e.g. {@code support@mail.hearken.example}. */
    public String mailAddress(String localPart) {
        return localPart + "@" + mailDomain;
    }

    /** {@code https://<sub>.zendesk.com}, when the Zendesk account is configured. */
    public Optional<String> zendeskBaseUrl() {
        return zendeskSubdomain.map(sub -> "https://" + sub + ".zendesk.com");
    }

    /** Whether the CRM channel is enabled. */
    public boolean enabled(Channel channel) {
        return channels.contains(channel);
    }

    /** Whether the review source is enabled. */
    public boolean enabled(Store store) {
        return stores.contains(store);
    }

    /** The upper-case form of a kebab-case name, as used in environment variable names. */
    public static String envName(String name) {
        return name.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    private static void checkHelpLink(String language, String link) {
        if (!language.equals(DEFAULT_LANGUAGE) && !language.matches("[a-z]{2,3}")) {
            throw invalid(HELP_LINKS, "keys must be \"" + DEFAULT_LANGUAGE + "\" or a lower-case ISO 639 language code",
                    language);
        }
        URI uri;
        try {
            uri = URI.create(link);
        } catch (IllegalArgumentException e) {
            throw invalid(HELP_LINKS, "link of \"" + language + "\" is not a URL", link);
        }
        if (!"https".equals(uri.getScheme()) || uri.getHost() == null || link.length() > 2000) {
            throw invalid(HELP_LINKS, "link of \"" + language + "\" must be an https URL (at most 2000 characters)", link);
        }
    }

    private static IllegalArgumentException invalid(String key, String rule, Object value) {
        return new IllegalArgumentException(key + " " + rule + ", got: " + value);
    }

    private static String string(Node node, String key, String fallback) {
        return optional(node, key).orElse(fallback);
    }

    /** A value, or empty when absent or blank ({@code "hearken:alarmEmail": ""} in cdk.json means unset). */
    private static Optional<String> optional(Node node, String key) {
        Object value = node.tryGetContext(key);
        return value == null || value.toString().isBlank() ? Optional.empty() : Optional.of(value.toString().strip());
    }

    // `cdk -c key=true` passes a string, cdk.json a boolean: accept both.
    private static boolean bool(Node node, String key) {
        Object value = node.tryGetContext(key);
        return value != null && Boolean.parseBoolean(value.toString());
    }

    /** A JSON array in cdk.json, or {@code a,b} with {@code -c}. */
    private static List<String> list(Node node, String key, List<String> fallback) {
        Object value = node.tryGetContext(key);
        if (value == null) {
            return fallback;
        }
        List<String> out = new ArrayList<>();
        if (value instanceof Collection<?> items) {
            items.forEach(item -> out.add(String.valueOf(item).strip()));
        } else {
            for (String item : value.toString().split(",")) {
                if (!item.isBlank()) {
                    out.add(item.strip());
                }
            }
        }
        return out;
    }

    /** A JSON object in cdk.json, or {@code a=b,c=d} with {@code -c}. */
    private static Map<String, String> map(Node node, String key) {
        Object value = node.tryGetContext(key);
        Map<String, String> out = new TreeMap<>();
        if (value instanceof Map<?, ?> entries) {
            entries.forEach((k, v) -> out.put(String.valueOf(k).strip(), String.valueOf(v).strip()));
        } else if (value != null) {
            for (String entry : value.toString().split(",")) {
                int eq = entry.indexOf('=');
                if (eq <= 0) {
                    throw invalid(key, "must be a JSON object in cdk.json or language=link,... with -c", value);
                }
                out.put(entry.substring(0, eq).strip(), entry.substring(eq + 1).strip());
            }
        }
        return out;
    }

    private static <E extends Enum<E>> E named(Class<E> type, String key, String name) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(name.strip())) {
                return constant;
            }
        }
        throw invalid(key, "must be one of " + lowerCase(List.of(type.getEnumConstants())), name);
    }

    private static <E extends Enum<E>> Set<E> enums(Class<E> type, String key, List<String> names) {
        Set<E> out = EnumSet.noneOf(type);
        for (String name : names) {
            out.add(named(type, key, name));
        }
        return out;
    }

    private static List<String> lowerCase(List<? extends Enum<?>> constants) {
        return constants.stream().map(c -> c.name().toLowerCase(Locale.ROOT)).toList();
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
