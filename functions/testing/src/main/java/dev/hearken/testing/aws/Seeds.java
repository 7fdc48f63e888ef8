package dev.hearken.testing.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.testing.RepositoryRoot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;

/**
 * Versioned seed data for local and test environments.
 *
 * <ul>
 *   <li>{@code infra/seed/tables/<name>.json}: a JSON array of items for the table {@code <prefix>-<name>}
 *       (loaded only when the template declares that table). JSON maps to DynamoDB types naturally:
 *       string → S, number → N, boolean → BOOL, null → NULL, array → L, object → M.</li>
 *   <li>{@code infra/seed/secrets.local.json}: {@code {"<secret name>": <string or JSON object>}} —
 *       TEST-ONLY values for the Secrets Manager secrets the template declares (values never live in
 *       the template; in AWS an operator puts them).</li>
 * </ul>
 * ({@code infra/seed/experiments.json} has its own format, see {@link ExperimentSeeds}.)
 */
public final class Seeds {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Seeds() {}

    /** Loads every table seed whose table is declared; returns table name → items written. */
    public static Map<String, Integer> loadTables(DynamoDbClient dynamo, Set<String> declaredTables, String prefix) {
        return loadTables(dynamo, declaredTables, prefix, Set.of());
    }

    /**
     * Loads every table seed whose table is declared, except the seeds named in {@code skip} ({@code routing-rules}:
     * the local runtime loads the shipped defaults through the operator API instead); returns table name → items
     * written.
     */
    public static Map<String, Integer> loadTables(DynamoDbClient dynamo, Set<String> declaredTables, String prefix,
            Set<String> skip) {
        Path dir = RepositoryRoot.get().resolve("infra/seed/tables");
        Map<String, Integer> loaded = new LinkedHashMap<>();
        if (!Files.isDirectory(dir)) {
            return loaded;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                String name = file.getFileName().toString().replace(".json", "");
                String table = prefix + "-" + name;
                if (!declaredTables.contains(table) || skip.contains(name)) {
                    continue;
                }
                int n = 0;
                for (JsonNode item : JSON.readTree(file.toFile())) {
                    dynamo.putItem(b -> b.tableName(table).item(item(item)));
                    n++;
                }
                loaded.put(table, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return loaded;
    }

    /** Creates (or updates) every secret of {@code infra/seed/secrets.local.json}; returns their names. */
    public static List<String> loadSecrets(SecretsManagerClient secrets) {
        Path file = RepositoryRoot.get().resolve("infra/seed/secrets.local.json");
        List<String> names = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return names;
        }
        try {
            for (Iterator<Map.Entry<String, JsonNode>> it = JSON.readTree(file.toFile()).fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String value = e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString();
                try {
                    secrets.createSecret(b -> b.name(e.getKey()).secretString(value));
                } catch (ResourceExistsException exists) {
                    secrets.putSecretValue(b -> b.secretId(e.getKey()).secretString(value));
                }
                names.add(e.getKey());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    /** A JSON object as a DynamoDB item. */
    public static Map<String, AttributeValue> item(JsonNode object) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        object.fields().forEachRemaining(f -> item.put(f.getKey(), value(f.getValue())));
        return item;
    }

    private static AttributeValue value(JsonNode v) {
        if (v.isTextual()) {
            return AttributeValue.fromS(v.asText());
        }
        if (v.isNumber()) {
            return AttributeValue.fromN(v.asText());
        }
        if (v.isBoolean()) {
            return AttributeValue.fromBool(v.asBoolean());
        }
        if (v.isNull()) {
            return AttributeValue.fromNul(true);
        }
        if (v.isArray()) {
            List<AttributeValue> list = new ArrayList<>();
            v.forEach(x -> list.add(value(x)));
            return AttributeValue.fromL(list);
        }
        if (v.isBinary()) {
            try {
                return AttributeValue.fromB(SdkBytes.fromByteArray(v.binaryValue()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return AttributeValue.fromM(item(v));
    }
}
