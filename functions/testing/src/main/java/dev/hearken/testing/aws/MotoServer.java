package dev.hearken.testing.aws;

import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Starts moto's server ({@code moto_server}) on a free loopback port and stops it again.
 *
 * <p>Where the executable comes from, first match wins: the {@code MOTO_SERVER} environment
 * variable (a path); the project-local virtualenv {@code .venv/bin/moto_server} that
 * {@code infra/local/bin/ensure-emulator.sh} creates with pip on a user's machine; {@code moto_server}
 * on the {@code PATH} (preinstalled on the project's build machines).
 */
public final class MotoServer implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final URI endpoint;

    private MotoServer(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    /** Starts a server and waits until it answers HTTP. */
    public static MotoServer start(Path repositoryRoot, Path logFile) {
        String executable = locate(repositoryRoot);
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(executable, "-H", "127.0.0.1", "-p", Integer.toString(port)));
        try {
            Files.createDirectories(logFile.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(logFile.toFile());
            Process process = builder.start();
            URI endpoint = URI.create("http://127.0.0.1:" + port);
            MotoServer server = new MotoServer(process, endpoint);
            server.awaitReady(logFile);
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + executable + ": " + e.getMessage(), e);
        }
    }

    /** The HTTP endpoint for every AWS service moto emulates. */
    public URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private void awaitReady(Path logFile) {
        try {
            Awaitility.await("moto_server answering").atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(100))
                    .pollInSameThread().until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("moto_server exited with " + process.exitValue()
                                    + " before answering; see " + logFile);
                        }
                        return answers();
                    });
        } catch (ConditionTimeoutException e) {
            close();
            throw new IllegalStateException("moto_server did not answer within " + START_TIMEOUT + "; see " + logFile);
        }
    }

    private boolean answers() {
        try {
            HttpURLConnection conn = (HttpURLConnection) endpoint.resolve("/moto-api/").toURL().openConnection();
            conn.setConnectTimeout(500);
            conn.setReadTimeout(2000);
            int status = conn.getResponseCode();
            conn.disconnect();
            return status > 0;
        } catch (IOException notYet) {
            return false;
        }
    }

    static String locate(Path repositoryRoot) {
        String configured = System.getenv("MOTO_SERVER");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        Path venv = repositoryRoot.resolve(".venv/bin/moto_server");
        if (Files.isExecutable(venv)) {
            return venv.toString();
        }
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "moto_server");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new IllegalStateException("No AWS emulator: AWS_ENDPOINT_URL is not set and moto_server was not found"
                + " (looked at $MOTO_SERVER, " + venv + " and the PATH)."
                + " Run `make setup` (installs moto[server] into .venv with pip), or point AWS_ENDPOINT_URL"
                + " at LocalStack, Floci, MiniStack or a running moto_server.");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }
}
