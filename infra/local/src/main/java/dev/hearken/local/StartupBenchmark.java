package dev.hearken.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.testing.RepositoryRoot;
import dev.hearken.testing.aws.Emulator;
import dev.hearken.testing.aws.ExperimentSeeds;
import dev.hearken.testing.aws.TemplateProvisioner;
import dev.hearken.testing.fakes.Fakes;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Cold-start harness ({@code make bench-start}): for each function of the template, N times in a row,
 * starts a fresh process from its packaged artifact the way the managed runtime does and measures
 * process start → first Runtime API poll (init), → first response to a sample event (init + first
 * invocation), the second invocation's latency (warm), and resident memory after it.
 *
 * <p>Usage: {@code StartupBenchmark [runs] [function] [sample]}; defaults: 7 runs, every function,
 * its first {@code events/<function>/*ok*.json} sample.
 */
public final class StartupBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StartupBenchmark() {}

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        String only = args.length > 1 ? args[1] : null;
        Path root = RepositoryRoot.get();
        Emulator emulator = Emulator.shared();
        JsonNode template;
        try (InputStream in = StartupBenchmark.class.getResourceAsStream(TemplateProvisioner.TEMPLATE_RESOURCE)) {
            template = JSON.readTree(in);
        }
        Map<String, String> queues = new TemplateProvisioner(template).provision(emulator);
        List<LocalFunction> functions = TemplateFunctions.read(template, queues, emulator.region().id());
        Fakes fakes = Fakes.startAll();
        Map<String, String> environment = new java.util.LinkedHashMap<>(emulator.processEnvironment());
        environment.putAll(fakes.functionEnvironment());
        System.out.printf("java %s, %d cores; %d runs per function%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), runs);
        for (LocalFunction f : functions) {
            if (only != null && !only.equals(f.name())) {
                continue;
            }
            String experiments = f.environment().get("HEARKEN_TABLES_EXPERIMENTS");
            if (experiments != null) {
                ExperimentSeeds.load(emulator.dynamo(), experiments, ExperimentSeeds.defaultFile());
            }
            Path sample = args.length > 2 ? Path.of(args[2]) : firstOkSample(root, f.name());
            String event = JSON.readTree(sample.toFile()).toString();
            List<Long> init = new ArrayList<>();
            List<Long> first = new ArrayList<>();
            List<Long> warm = new ArrayList<>();
            List<Long> rss = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                try (FunctionProcess p = FunctionProcess.start(f, root.resolve(f.module()), System.getProperty("java.home"),
                        root.resolve("infra/local/target/lambda-runtime"), environment,
                        root.resolve("target/local/bench"))) {
                    p.awaitReady(Duration.ofSeconds(60));
                    init.add(p.sinceStart().toMillis());
                    check(p.invoke(event, Duration.ofSeconds(60)));
                    first.add(p.sinceStart().toMillis());
                    long t0 = System.nanoTime();
                    check(p.invoke(event, Duration.ofSeconds(60)));
                    warm.add((System.nanoTime() - t0) / 1_000_000);
                    rss.add(p.residentMb());
                }
            }
            System.out.printf("%s (%s, sample %s):%n", f.name(), f.memoryMb() + " MB", root.relativize(sample));
            print("  start → initialised (ms)     ", init);
            print("  start → first response (ms)  ", first);
            print("  second invocation (ms)       ", warm);
            print("  resident memory after (MB)   ", rss);
        }
        System.exit(0);
    }

    private static void check(RuntimeApiServer.Outcome outcome) {
        if (outcome.error()) {
            throw new IllegalStateException("function error: " + outcome.body());
        }
    }

    private static Path firstOkSample(Path root, String function) throws Exception {
        try (var files = Files.list(root.resolve("events").resolve(function))) {
            return files.filter(p -> p.getFileName().toString().contains("ok") && p.toString().endsWith(".json"))
                    .sorted().findFirst()
                    .orElseThrow(() -> new IllegalStateException("no *ok*.json sample for " + function));
        }
    }

    private static void print(String label, List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        System.out.printf("%s min %5d  median %5d  max %5d%n", label,
                sorted.get(0), sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1));
    }
}
