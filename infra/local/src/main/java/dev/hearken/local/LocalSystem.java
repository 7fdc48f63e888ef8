package dev.hearken.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.testing.aws.Emulator;
import dev.hearken.testing.aws.ExperimentSeeds;
import dev.hearken.testing.aws.Seeds;
import dev.hearken.testing.aws.TemplateProvisioner;
import dev.hearken.testing.fakes.Fakes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Everything the synthesised template declares, running on this machine: the emulator with its
 * tables and queues, seed data, every function from its packaged artifact, the queue pollers, and
 * (on demand) the HTTP API. Adding a function to the template needs no change here.
 */
final class LocalSystem implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final Duration INVOKE_TIMEOUT = Duration.ofSeconds(60);

    private final Path root;
    private final Emulator emulator;
    private final LocalTemplate template;
    private final Map<String, String> queueUrls;
    private java.util.Set<String> scheduleGroups = java.util.Set.of();
    private java.util.Set<String> tableNames = java.util.Set.of();
    private final Map<String, LocalFunction> byLogicalId = new LinkedHashMap<>();
    private final Map<String, FunctionProcess> processes = new LinkedHashMap<>();
    private final List<QueuePoller> pollers = new ArrayList<>();
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private Fakes fakes;
    private Report report;
    private int bootstrapFailures;
    private boolean defaultsLoaded;
    /** The shipped defaults' manifest, relative to the repository root. */
    static final String DEFAULTS = "infra/seed/defaults.json";

    private LocalSystem(Path root, Emulator emulator, JsonNode template, Map<String, String> queueUrls) {
        this.root = root;
        this.emulator = emulator;
        this.template = new LocalTemplate(template);
        this.queueUrls = queueUrls;
    }

    /** Starts the emulator, creates resources, loads seeds, starts every function and polls its queues. */
    static LocalSystem start(Path root, Report report) throws IOException {
        report.step("starting the AWS emulator");
        Emulator emulator = Emulator.shared();
        report.detail("endpoint " + emulator.endpoint()
                + (emulator.owned() ? " (moto_server started here)" : " (AWS_ENDPOINT_URL)"));

        report.step("creating tables and queues from the synthesised CDK template");
        JsonNode json = readTemplate();
        TemplateProvisioner provisioner = new TemplateProvisioner(json);
        Map<String, String> queueUrls = provisioner.provision(emulator);
        report.detail("tables: " + String.join(", ", provisioner.tableNames()));
        report.detail("queues: " + (queueUrls.isEmpty() ? "(none yet)" : String.join(", ", queueUrls.keySet())));

        LocalSystem system = new LocalSystem(root, emulator, json, queueUrls);
        system.report = report;
        system.scheduleGroups = provisioner.scheduleGroupNames();
        system.tableNames = java.util.Set.copyOf(provisioner.tableNames());
        system.fakes = Fakes.startAll();
        if (!system.fakes.all().isEmpty()) {
            report.step("starting the SaaS fakes (contracts in shared/contracts/)");
            system.fakes.all().forEach(f -> report.detail(f.name() + " on " + f.baseUri()));
        }
        List<LocalFunction> functions = TemplateFunctions.read(json, queueUrls, emulator.region().id());
        functions.forEach(f -> system.byLogicalId.put(f.logicalId(), f));
        system.seed(report, functions, provisioner);
        for (LocalFunction function : functions) {
            system.startFunction(report, function);
        }
        system.startPollers(report);
        return system;
    }

    /**
     * Stops reading the queues once the batches in flight are handed back, so that a test sees exactly what is
     * enqueued meanwhile; {@link #startPolling()} reads them again.
     */
    void stopPolling() {
        pollers.forEach(p -> p.stopAndWait(INVOKE_TIMEOUT.plusSeconds(5)));
        pollers.clear();
    }

    /** Reads the queues again after {@link #stopPolling()}, as the template's event source mappings do. */
    void startPolling() {
        if (pollers.isEmpty()) {
            startPollers(new Report(new java.io.PrintStream(java.io.OutputStream.nullOutputStream())));
        }
    }

    /** The queues the template declares, by name, with their emulator URLs. */
    Map<String, String> queueUrls() {
        return Map.copyOf(queueUrls);
    }

    /** The tables the template declares. */
    java.util.Set<String> tableNames() {
        return tableNames;
    }

    /** The functions, by name, in template order. */
    List<String> functionNames() {
        return new ArrayList<>(processes.keySet());
    }

    FunctionProcess process(String functionName) {
        return processes.get(functionName);
    }

    Emulator emulator() {
        return emulator;
    }

    /** Invokes a function by name the way Lambda would, synchronously. */
    RuntimeApiServer.Outcome invoke(String functionName, String payload) {
        FunctionProcess process = processes.get(functionName);
        if (process == null) {
            throw new IllegalArgumentException("no function " + functionName);
        }
        try {
            return process.invoke(payload, INVOKE_TIMEOUT);
        } catch (TimeoutException e) {
            throw new IllegalStateException(functionName + " did not answer within " + INVOKE_TIMEOUT);
        }
    }

    /** The running SaaS fakes (what functions sent to Zendesk, FCM, … is in their recordings). */
    Fakes fakes() {
        return fakes;
    }

    /** What every function process gets on top of its template environment: emulator and fakes. */
    Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>(emulator.processEnvironment());
        env.putAll(fakes.functionEnvironment());
        // On a developer's machine an operator's edit (a routing rule, a reply template) applies at the next
        // ticket, not after the deployed one-minute caches: what you change through the API you see at once.
        env.put("HEARKEN_TICKETS_RULES_CACHE_TTL", "1s");
        env.put("HEARKEN_AUTO_REPLY_TEMPLATE_CACHE_TTL", "1s");
        // The shared rate budgets stay on, sized to the fakes, which have no account limits: replaying every
        // sample at once must not wait out Zendesk's real 100 ticket updates a minute.
        env.put("HEARKEN_BUDGETS_ZENDESK_REQUESTS", "100000/1m");
        env.put("HEARKEN_BUDGETS_ZENDESK_TICKET_UPDATES", "100000/1m");
        return env;
    }

    /**
     * Serves the template's HTTP API routes on {@code port} (0: any free port), and loads the shipped defaults
     * (infra/seed/defaults.json) through the first one, as {@code make bootstrap} does for a deployed stack.
     */
    HttpGateway gateway(int port) throws IOException {
        HttpGateway gateway = serve(port);
        if (defaultsLoaded) {
            return gateway;
        }
        report.step("loading the shipped defaults through the operator API (infra/seed/defaults.json), as make bootstrap does");
        var credentials = software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("AKIDLOCALOPERATOR", "local"));
        OperatorApi api = new OperatorApi(java.net.URI.create("http://127.0.0.1:" + gateway.port() + "/"),
                emulator.region().id(), credentials);
        for (Bootstrap.Outcome outcome : new Bootstrap(api, report.out()).load(root.resolve(DEFAULTS))) {
            bootstrapFailures += outcome.failed().size();
        }
        defaultsLoaded = true;
        return gateway;
    }

    /** How many shipped defaults the last {@link #gateway} could not load (0 when all loaded or were there). */
    int bootstrapFailures() {
        return bootstrapFailures;
    }

    private HttpGateway serve(int port) throws IOException {
        Map<String, String> routes = new LinkedHashMap<>();
        java.util.Set<String> iamRoutes = new java.util.HashSet<>();
        for (LocalTemplate.Route route : template.routes()) {
            LocalFunction f = byLogicalId.get(route.functionLogicalId());
            if (f != null) {
                routes.put(route.routeKey(), f.name());
                if (route.iam()) {
                    iamRoutes.add(route.routeKey());
                }
            }
        }
        HttpGateway gateway = new HttpGateway(port, routes, iamRoutes, this::invoke);
        closeables.add(gateway);
        return gateway;
    }

    /** The template's scheduled rules, delivered to their target functions. */
    Scheduler scheduler(Report report) {
        Scheduler scheduler = new Scheduler(template.schedules(), (schedule, event) -> {
            LocalFunction f = byLogicalId.get(schedule.functionLogicalId());
            if (f == null) {
                return;
            }
            RuntimeApiServer.Outcome outcome = invoke(f.name(), event);
            report.detail("schedule " + schedule.ruleName() + " → " + f.name()
                    + (outcome.error() ? " FAILED: " + outcome.body() : " done"));
        });
        closeables.add(scheduler);
        return scheduler;
    }

    /**
     * EventBridge Scheduler one-time schedules of the template's groups, fired locally when due; an event a schedule
     * puts on a bus (a campaign's "Campaign Scheduled") goes to the functions of the template's rules that match it.
     */
    OneTimeSchedules oneTimeSchedules(Report report) {
        OneTimeSchedules schedules = new OneTimeSchedules(emulator.scheduler(), emulator.sqs(), scheduleGroups, queueUrls,
                event -> putEvent(report, event));
        closeables.add(schedules);
        return schedules;
    }

    /** Delivers an event put on the bus to every function whose rule matches its source and detail-type. */
    private void putEvent(Report report, String event) {
        JsonNode parsed;
        try {
            parsed = JSON.readTree(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (LocalTemplate.EventRule rule : template.eventRules()) {
            LocalFunction f = byLogicalId.get(rule.functionLogicalId());
            if (f != null && rule.matches(parsed.path("source").asText(), parsed.path("detail-type").asText())) {
                RuntimeApiServer.Outcome outcome = invoke(f.name(), event);
                report.detail("event " + parsed.path("detail-type").asText() + " → " + rule.ruleName() + " → " + f.name()
                        + (outcome.error() ? " FAILED: " + outcome.body() : " done"));
            }
        }
    }

    /** The route keys the gateway serves. */
    List<String> routeKeys() {
        return template.routes().stream().map(LocalTemplate.Route::routeKey).toList();
    }

    private void startFunction(Report report, LocalFunction function) throws IOException {
        report.step("starting " + function.name() + " (" + function.module() + ")");
        FunctionProcess process = FunctionProcess.start(function, root.resolve(function.module()),
                System.getProperty("java.home"), root.resolve("infra/local/target/lambda-runtime"),
                environment(), root.resolve("target/local"));
        processes.put(function.name(), process);
        process.awaitReady(Duration.ofSeconds(60));
        report.detail(String.format("initialised in %d ms (process start → first Runtime API poll)",
                process.sinceStart().toMillis()));
    }

    private void startPollers(Report report) {
        for (LocalTemplate.QueueMapping mapping : template.queueMappings()) {
            LocalFunction f = byLogicalId.get(mapping.functionLogicalId());
            String url = queueUrls.get(mapping.queueName());
            if (f == null || url == null) {
                continue;
            }
            String arn = emulator.sqs().getQueueAttributes(b -> b.queueUrl(url)
                    .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
            pollers.add(new QueuePoller(emulator.sqs(), url, arn, mapping, event -> invoke(f.name(), event)));
            report.detail("polling " + mapping.queueName() + " → " + f.name() + " (batch " + mapping.batchSize()
                    + (mapping.reportBatchItemFailures() ? ", partial batch failures" : "") + ")");
        }
    }

    private void seed(Report report, List<LocalFunction> functions, TemplateProvisioner provisioner) {
        // The shipped defaults are loaded through the operator API once the gateway is up (see gateway()).
        Map<String, Integer> tables = Seeds.loadTables(emulator.dynamo(), provisioner.tableNames(), "hearken",
                defaultTables());
        if (!tables.isEmpty()) {
            report.step("loading table seeds from infra/seed/tables/");
            tables.forEach((t, n) -> report.detail(t + ": " + n + " items"));
        }
        List<String> secrets = Seeds.loadSecrets(emulator.secrets());
        if (!secrets.isEmpty()) {
            report.step("creating test-only secrets from infra/seed/secrets.local.json");
            report.detail(String.join(", ", secrets));
        }
        for (LocalFunction f : functions) {
            String experiments = f.environment().get("HEARKEN_TABLES_EXPERIMENTS");
            if (experiments != null) {
                report.step("loading experiment definitions from infra/seed/experiments.json");
                List<String> keys = ExperimentSeeds.load(emulator.dynamo(), experiments, ExperimentSeeds.defaultFile());
                report.detail(String.join(", ", keys));
                return;
            }
        }
    }

    /** The seed tables that are shipped defaults ({@code tables/routing-rules.json} → {@code routing-rules}). */
    private java.util.Set<String> defaultTables() {
        try {
            java.util.Set<String> names = new java.util.HashSet<>();
            for (JsonNode c : JSON.readTree(root.resolve(DEFAULTS).toFile()).get("collections")) {
                String file = c.get("file").asText();
                names.add(file.substring(file.lastIndexOf('/') + 1).replace(".json", ""));
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode readTemplate() {
        try (InputStream in = LocalSystem.class.getResourceAsStream(TemplateProvisioner.TEMPLATE_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("template missing from the classpath; build infra/cdk first");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        pollers.forEach(QueuePoller::close);
        for (AutoCloseable c : closeables) {
            try {
                c.close();
            } catch (Exception ignored) {
                // shutting down: nothing useful to do with a close failure
            }
        }
        processes.values().forEach(FunctionProcess::close);
        if (fakes != null) {
            fakes.close();
        }
    }
}
