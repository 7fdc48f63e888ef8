package dev.hearken.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Loads trigger payloads from {@code events/<function>/<scenario>.json}, the single source of samples. */
public final class Events {

    private Events() {}

    /** The raw JSON of {@code events/<function>/<scenario>.json}. */
    public static String load(String function, String scenario) {
        Path file = path(function, scenario);
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read event sample " + file, e);
        }
    }

    /** The path of {@code events/<function>/<scenario>.json}. */
    public static Path path(String function, String scenario) {
        return RepositoryRoot.get().resolve("events").resolve(function).resolve(scenario + ".json");
    }
}
