package dev.hearken.review.parse;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.review.model.AuthorPseudonymizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The provider responses and events in {@code events/review-ingest/}, parsed into maps. */
final class Fixtures {

    static final AuthorPseudonymizer AUTHORS =
            new AuthorPseudonymizer("test-only-pseudonym-key-0123456789".getBytes(StandardCharsets.UTF_8));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

    private Fixtures() {}

    static Map<String, Object> fixture(String name) {
        return read(root().resolve("events/review-ingest/fixtures/" + name + ".json"));
    }

    static Map<String, Object> event(String name) {
        return read(root().resolve("events/review-webhook/" + name + ".json"));
    }

    static Map<String, Object> json(String text) {
        try {
            return JSON.readValue(text, OBJECT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Map<String, Object> doc, String key) {
        return (List<Map<String, Object>>) doc.get(key);
    }

    private static Map<String, Object> read(Path file) {
        try {
            return JSON.readValue(Files.readString(file, StandardCharsets.UTF_8), OBJECT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("events/review-ingest"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("events/review-ingest not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
