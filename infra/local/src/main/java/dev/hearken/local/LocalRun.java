package dev.hearken.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.testing.RepositoryRoot;
import dev.hearken.testing.aws.Emulator;
import dev.hearken.testing.aws.ExperimentSeeds;
import dev.hearken.testing.aws.TemplateProvisioner;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The main job: the whole pipeline on this machine from the real function artifacts.
 *
 * <ol>
 *   <li>an AWS emulator (moto started here, or {@code AWS_ENDPOINT_URL});</li>
 *   <li>tables and queues created from the synthesised CDK template, seed data loaded;</li>
 *   <li>every function of the template started from its packaged artifact behind a Lambda Runtime API;</li>
 *   <li>every {@code events/<function>/*.json} sample replayed through its entry point, with a report.</li>
 * </ol>
 */
public final class LocalRun {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration INVOKE_TIMEOUT = Duration.ofSeconds(60);

    private LocalRun() {}

    public static void main(String[] args) throws Exception {
        Path root = RepositoryRoot.get();
        String javaHome = System.getProperty("java.home");
        Path logDir = root.resolve("target/local");
        Report report = new Report(System.out);

        report.step("starting the AWS emulator");
        Emulator emulator = Emulator.shared();
        report.detail("endpoint " + emulator.endpoint() + (emulator.owned() ? " (moto_server started here)" : " (AWS_ENDPOINT_URL)"));

        report.step("creating tables and queues from the synthesised CDK template");
        JsonNode template = readTemplate();
        TemplateProvisioner provisioner = new TemplateProvisioner(template);
        Map<String, String> queueUrls = provisioner.provision(emulator.dynamo(), emulator.sqs());
        report.detail("tables: " + String.join(", ", provisioner.tableNames()));
        report.detail("queues: " + (queueUrls.isEmpty() ? "(none yet)" : String.join(", ", queueUrls.keySet())));

        List<LocalFunction> functions = TemplateFunctions.read(template, queueUrls);
        seed(report, emulator, functions);

        List<FunctionProcess> running = new ArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> running.forEach(FunctionProcess::close)));
        int failures = 0;
        for (LocalFunction function : functions) {
            report.step("starting " + function.name() + " (" + function.module() + ")");
            FunctionProcess process = FunctionProcess.start(function, root.resolve(function.module()), javaHome,
                    root.resolve("infra/local/target/lambda-runtime"), emulator.processEnvironment(), logDir);
            running.add(process);
            try {
                process.awaitReady(Duration.ofSeconds(60));
                report.detail(String.format("initialised in %d ms (process start → first Runtime API poll)",
                        process.sinceStart().toMillis()));
            } catch (IllegalStateException e) {
                report.detail("FAILED: " + e.getMessage());
                failures++;
                continue;
            }
            failures += replay(report, root, function, process);
            report.detail(String.format("resident memory after the run: %d MB; log: %s",
                    process.residentMb(), root.relativize(process.log())));
        }
        report.step(failures == 0 ? "done: every sample gave its expected kind of answer"
                : "done with " + failures + " unexpected outcome(s); see the logs in " + root.relativize(logDir));
        running.forEach(FunctionProcess::close);
        System.exit(failures == 0 ? 0 : 1);
    }

    private static void seed(Report report, Emulator emulator, List<LocalFunction> functions) {
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

    private static int replay(Report report, Path root, LocalFunction function, FunctionProcess process)
            throws IOException {
        Path dir = root.resolve("events").resolve(function.name());
        List<Path> samples;
        try (Stream<Path> files = Files.list(dir)) {
            samples = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        int failures = 0;
        boolean first = true;
        for (Path sample : samples) {
            JsonNode event = JSON.readTree(sample.toFile());
            String scenario = sample.getFileName().toString().replace(".json", "");
            try {
                RuntimeApiServer.Outcome outcome = process.invoke(event.toString(), INVOKE_TIMEOUT);
                if (first) {
                    report.detail(String.format("first response %d ms after the process started",
                            process.sinceStart().toMillis()));
                    first = false;
                }
                failures += report.outcome(scenario, event, outcome) ? 0 : 1;
            } catch (Exception e) {
                report.line(String.format("  %-28s FAILED: %s", scenario, e.getMessage()));
                failures++;
            }
        }
        return failures;
    }

    private static JsonNode readTemplate() throws IOException {
        try (InputStream in = LocalRun.class.getResourceAsStream(TemplateProvisioner.TEMPLATE_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("template missing from the classpath; build infra/cdk first");
            }
            return JSON.readTree(in);
        }
    }
}
