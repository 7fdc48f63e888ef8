package dev.hearken.local;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One function's real packaged artifact running as its own process, talking to its own Runtime
 * API server, with the environment Lambda would give it — so the Quarkus Lambda bootstrap that runs
 * in production is what runs here. The native executable is used when it was built
 * ({@code target/*-runner}); otherwise {@code target/function.zip} is unpacked and run the way the
 * {@code java21} managed runtime runs it: AWS's runtime interface client with the template's handler.
 */
final class FunctionProcess implements AutoCloseable {

    private final String name;
    private final RuntimeApiServer api;
    private final Process process;
    private final Path log;
    private final long startedAtNanos;

    private FunctionProcess(String name, RuntimeApiServer api, Process process, Path log, long startedAtNanos) {
        this.name = name;
        this.api = api;
        this.process = process;
        this.log = log;
        this.startedAtNanos = startedAtNanos;
    }

    static FunctionProcess start(LocalFunction function, Path moduleDir, String javaHome, Path runtimeLib,
            Map<String, String> environment, Path logDir) throws IOException {
        Path target = moduleDir.resolve("target");
        List<String> command = new ArrayList<>();
        Path taskRoot = null;
        Path runner = nativeRunner(target);
        if (runner != null) {
            command.add(runner.toString());
        } else {
            // The java21 managed runtime: function.zip unpacked as the task root, the runtime
            // interface client around it, the handler named in the template.
            Path zip = target.resolve("function.zip");
            if (!Files.isRegularFile(zip)) {
                throw new IllegalStateException(function.name() + ": " + zip + " is missing; build it with ./mvnw package");
            }
            Path task = unzip(zip, logDir.resolve(function.name() + "-task"));
            // Like Lambda: the runtime client is the application classpath; it loads the function
            // from the task root (classes at the root, jars in lib/) in a class loader of its own.
            taskRoot = task;
            String classpath = runtimeLib.toString() + File.separator + "*";
            command.addAll(List.of(Path.of(javaHome, "bin", "java").toString(),
                    // The managed runtime sizes the heap from the function's memory, with these flags.
                    "-XX:MaxRAM=" + function.memoryMb() + "m", "-XX:+UseSerialGC", "-XX:+TieredCompilation",
                    "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                    "-cp", classpath,
                    "com.amazonaws.services.lambda.runtime.api.client.AWSLambda", function.handler()));
        }
        RuntimeApiServer api = new RuntimeApiServer(function.name());
        Files.createDirectories(logDir);
        Path log = logDir.resolve(function.name() + ".log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("QUARKUS_"));
        env.putAll(environment);
        env.putAll(function.environment());
        env.put("AWS_LAMBDA_RUNTIME_API", api.address());
        env.put("AWS_LAMBDA_FUNCTION_NAME", function.name());
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(function.memoryMb()));
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("_HANDLER", function.handler());
        if (taskRoot != null) {
            // The runtime client loads the function from its working directory, which Lambda sets
            // to the task root (/var/task) and also exports as LAMBDA_TASK_ROOT.
            env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
            builder.directory(taskRoot.toFile());
        }
        long started = System.nanoTime();
        return new FunctionProcess(function.name(), api, builder.start(), log, started);
    }

    String name() {
        return name;
    }

    Path log() {
        return log;
    }

    /** Whether the process is still running (a crash of the runtime or the JVM ends it). */
    boolean alive() {
        return process.isAlive();
    }

    /** Time since the process was started, for the first-response measurement. */
    Duration sinceStart() {
        return Duration.ofNanos(System.nanoTime() - startedAtNanos);
    }

    /**
     * Waits until the function asks for its first invocation (it has initialised), fails fast when
     * it exits or reports an init error first.
     */
    void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (api.firstPoll().isDone()) {
                return;
            }
            if (api.initError().isDone()) {
                throw new IllegalStateException(name + " failed to initialise: " + api.initError().join());
            }
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " during start; see " + log);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        throw new IllegalStateException(name + " did not poll the Runtime API within " + timeout + "; see " + log);
    }

    RuntimeApiServer.Outcome invoke(String payload, Duration timeout) throws TimeoutException {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
        }
        return api.invoke(payload, timeout);
    }

    /** Resident set size in MB from /proc (Linux), or -1 where unavailable. */
    long residentMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    private static Path unzip(Path zip, Path into) throws IOException {
        if (Files.isDirectory(into)) {
            try (var old = Files.walk(into)) {
                old.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(Files.newInputStream(zip))) {
            for (java.util.zip.ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                Path out = into.resolve(e.getName()).normalize();
                if (!out.startsWith(into)) {
                    throw new IOException("zip entry outside the target: " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(in, out);
                }
            }
        }
        return into;
    }

    private static Path nativeRunner(Path target) throws IOException {
        if (!Files.isDirectory(target)) {
            return null;
        }
        try (var files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().endsWith("-runner") && Files.isExecutable(p))
                    .findFirst().orElse(null);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        api.close();
    }
}
