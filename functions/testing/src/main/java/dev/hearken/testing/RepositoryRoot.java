package dev.hearken.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository root, where {@code events/} and {@code infra/} live. */
public final class RepositoryRoot {

    private RepositoryRoot() {}

    /**
     * The {@code hearken.root} system property (the parent POM's Surefire configuration sets it),
     * else the nearest ancestor of the working directory that holds {@code events/} and {@code pom.xml}.
     */
    public static Path get() {
        String configured = System.getProperty("hearken.root");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("events")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException(
                "cannot find the Hearken repository root: set -Dhearken.root=<path> or run inside the repository");
    }
}
