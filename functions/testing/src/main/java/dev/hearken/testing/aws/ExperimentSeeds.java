package dev.hearken.testing.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.testing.RepositoryRoot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Loads the versioned experiment definitions ({@code infra/seed/experiments.json}, a JSON array
 * of GrowthBook-shaped experiments) into the experiments table, one item per key with the
 * definition as a JSON string — the format the experiment-assign function reads.
 */
public final class ExperimentSeeds {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ExperimentSeeds() {}

    /** The seed file in the repository. */
    public static Path defaultFile() {
        return RepositoryRoot.get().resolve("infra/seed/experiments.json");
    }

    /** Puts every definition of {@code file} into {@code table}, replacing items with the same key. */
    public static List<String> load(DynamoDbClient dynamo, String table, Path file) {
        try {
            List<String> keys = new ArrayList<>();
            for (JsonNode experiment : JSON.readTree(file.toFile())) {
                put(dynamo, table, experiment);
                keys.add(experiment.path("key").asText());
            }
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Puts one definition (a GrowthBook experiment JSON object with a {@code key}). */
    public static void put(DynamoDbClient dynamo, String table, JsonNode experiment) {
        String key = experiment.path("key").asText();
        if (key.isEmpty()) {
            throw new IllegalArgumentException("experiment without a key: " + experiment);
        }
        dynamo.putItem(b -> b.tableName(table).item(Map.of(
                "experimentKey", AttributeValue.fromS(key),
                "status", AttributeValue.fromS(experiment.path("status").asText("running")),
                "definition", AttributeValue.fromS(experiment.toString()))));
    }
}
