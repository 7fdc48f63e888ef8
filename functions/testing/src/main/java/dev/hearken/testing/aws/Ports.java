package dev.hearken.testing.aws;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import org.awaitility.core.ConditionTimeoutException;

/** Waiting for an emulator process the tests started to accept connections. */
public final class Ports {

    private Ports() {}

    /**
     * Whether {@code process} listens on {@code port} within {@code atMost}; {@code false} as soon as it exits,
     * or when it never listened in time.
     */
    public static boolean listening(Process process, int port, Duration atMost) {
        try {
            await().atMost(atMost).pollInterval(Duration.ofMillis(100))
                    .until(() -> !process.isAlive() || accepts(port));
        } catch (ConditionTimeoutException e) {
            return false;
        }
        return process.isAlive();
    }

    private static boolean accepts(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }
}
