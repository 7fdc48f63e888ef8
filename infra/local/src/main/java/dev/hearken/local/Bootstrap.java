package dev.hearken.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.testing.RepositoryRoot;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/**
 * Loads the shipped defaults ({@code infra/seed/defaults.json}: routing rules, reply templates, push templates)
 * into a stack through its operator API, so that they are validated like an operator's edit and audited with the
 * caller as author. Idempotent: an object that exists is kept as it is, and one an operator deleted (its audit
 * history is not empty) is not restored. Run it after a deployment with {@code make bootstrap API=<HttpApiUrl>};
 * {@code make run} runs it against the local runtime.
 */
public final class Bootstrap {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final OperatorApi api;
    private final PrintStream out;

    public Bootstrap(OperatorApi api, PrintStream out) {
        this.api = api;
        this.out = out;
    }

    /** What happened to one collection's defaults. */
    public record Outcome(String path, int created, int kept, int withheld, List<String> failed) {

        @Override
        public String toString() {
            return String.format("%s: %d created, %d kept, %d withheld (deleted by an operator), %d failed%s", path,
                    created, kept, withheld, failed.size(), failed.isEmpty() ? "" : " " + failed);
        }
    }

    /** Loads every collection of the {@code manifest}; files are relative to the manifest's directory. */
    public List<Outcome> load(Path manifest) {
        JsonNode root = read(manifest);
        List<Outcome> outcomes = new ArrayList<>();
        for (JsonNode collection : root.get("collections")) {
            List<String> keys = new ArrayList<>();
            collection.get("keys").forEach(k -> keys.add(k.asText()));
            Outcome outcome = load(collection.get("path").asText(), keys,
                    read(manifest.resolveSibling(collection.get("file").asText())));
            out.println("  " + outcome);
            outcomes.add(outcome);
        }
        return outcomes;
    }

    private Outcome load(String path, List<String> keys, JsonNode items) {
        int created = 0;
        int kept = 0;
        int withheld = 0;
        List<String> failed = new ArrayList<>();
        for (JsonNode item : items) {
            StringBuilder itemPath = new StringBuilder(path);
            StringBuilder id = new StringBuilder();
            for (String key : keys) {
                String value = item.path(key).asText();
                // Keys are identifiers (letters, digits, . _ : @ -): safe in a path as they are.
                itemPath.append('/').append(value);
                id.append(id.isEmpty() ? "" : "/").append(value);
            }
            OperatorApi.Response existing = api.send("GET", itemPath.toString(), null);
            if (existing.status() == 200) {
                kept++;
                continue;
            }
            if (existing.status() == 404 && !historyIsEmpty(itemPath + "/history")) {
                withheld++;
                continue;
            }
            OperatorApi.Response response = existing.status() == 404
                    ? api.send("POST", path, item.toString()) : existing;
            switch (response.status()) {
                case 201 -> created++;
                case 409 -> kept++;
                default -> failed.add(id + " → " + response.status() + " " + error(response.body()));
            }
        }
        return new Outcome(path, created, kept, withheld, failed);
    }

    private boolean historyIsEmpty(String historyPath) {
        OperatorApi.Response history = api.send("GET", historyPath, null);
        if (history.status() != 200) {
            throw new IllegalStateException("GET " + historyPath + " answered " + history.status());
        }
        return read(history.body()).path("items").isEmpty();
    }

    private static String error(String body) {
        try {
            JsonNode error = JSON.readTree(body);
            return error.path("error").asText() + (error.has("field") ? " (" + error.get("field").asText() + ")" : "")
                    + ": " + error.path("message").asText();
        } catch (IOException e) {
            return "(no JSON error body)";
        }
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static JsonNode read(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code --api <HttpApiUrl>} (required), {@code --region <region>} (default {@code AWS_REGION}, else
     * {@code us-east-1}), {@code --defaults <manifest>} (default {@code infra/seed/defaults.json}). Exits 1 when
     * any default failed.
     */
    public static void main(String[] args) {
        String api = null;
        String region = System.getenv().getOrDefault("AWS_REGION", "us-east-1");
        Path manifest = RepositoryRoot.get().resolve("infra/seed/defaults.json");
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--api" -> api = args[i + 1];
                case "--region" -> region = args[i + 1];
                case "--defaults" -> manifest = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (api == null || api.isBlank()) {
            System.err.println("usage: make bootstrap API=<the stack's HttpApiUrl output> [REGION=<region>]");
            System.exit(2);
        }
        URI base = URI.create(api.endsWith("/") ? api : api + "/");
        System.out.println("loading the shipped defaults into " + base);
        try (DefaultCredentialsProvider credentials = DefaultCredentialsProvider.builder().build()) {
            List<Outcome> outcomes = new Bootstrap(new OperatorApi(base, region, credentials), System.out)
                    .load(manifest);
            System.exit(outcomes.stream().allMatch(o -> o.failed().isEmpty()) ? 0 : 1);
        }
    }
}
