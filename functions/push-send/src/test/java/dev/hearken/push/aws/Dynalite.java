package dev.hearken.push.aws;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A dynalite server (npm {@code dynalite}, an in-memory DynamoDB emulator on LevelDB) for the one test
 * that needs DynamoDB's per-item atomicity under concurrent requests: moto's server handles requests on
 * threads without locking an item between a condition check and the write, so conditional updates race
 * there. dynalite serialises writes per key, as DynamoDB does.
 *
 * <p>Installed on first use with npm into the module's {@code target/dynalite/} (about 3 s; npm registry only).
 */
final class Dynalite implements AutoCloseable {

    private static final String VERSION = "4.0.0";

    private final Process process;
    private final URI endpoint;

    private Dynalite(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    /** Starts dynalite on a free port, installing it first if needed; {@code null} when node/npm are missing. */
    static Dynalite start() throws IOException, InterruptedException {
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
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return new Dynalite(process, URI.create("http://127.0.0.1:" + port));
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        process.destroy();
        throw new IllegalStateException("dynalite did not start; see " + dir.resolve("dynalite.log"));
    }

    URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        process.destroy();
    }
}
