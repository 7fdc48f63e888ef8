package dev.hearken.experiment.assign.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.aws.experiment.DynamoDbExperimentCatalog;
import dev.hearken.experiment.assign.port.ExperimentRollouts;
import dev.hearken.experiment.assign.results.Rollout;
import dev.hearken.experiment.assignment.Experiment;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * Writes a rollout into the {@code experiments} table: the new definition and status, the latest
 * {@code rollout} (variation, by, at, reason) and the same entry appended to {@code rolloutHistory}.
 * The update is conditional on the stored definition text being the one that was read, so a
 * concurrent edit is never overwritten.
 */
public final class DynamoDbExperimentRollouts implements ExperimentRollouts {

    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {};

    private final DynamoDbClient dynamo;
    private final ObjectMapper json;
    private final String table;

    public DynamoDbExperimentRollouts(DynamoDbClient dynamo, ObjectMapper json, String table) {
        this.dynamo = dynamo;
        this.json = json;
        this.table = table;
    }

    @Override
    public boolean save(Experiment expectedCurrent, Experiment rolledOut, Rollout rollout) {
        Map<String, AttributeValue> key = Map.of(DynamoDbExperimentCatalog.KEY, AttributeValue.fromS(rolledOut.key()));
        GetItemResponse stored = dynamo.getItem(b -> b.tableName(table).key(key).consistentRead(true));
        AttributeValue definition = stored.hasItem() ? stored.item().get(DynamoDbExperimentCatalog.DEFINITION) : null;
        if (definition == null || !expectedCurrent.equals(parse(definition.s(), rolledOut.key()))) {
            return false;
        }
        Map<String, AttributeValue> entry = new HashMap<>();
        entry.put("variationId", AttributeValue.fromN(Integer.toString(rollout.variationId())));
        entry.put("variationKey", AttributeValue.fromS(rollout.variationKey()));
        entry.put("by", AttributeValue.fromS(rollout.by()));
        entry.put("at", AttributeValue.fromS(rollout.at().toString()));
        if (rollout.reason() != null) {
            entry.put("reason", AttributeValue.fromS(rollout.reason()));
        }
        AttributeValue entryValue = AttributeValue.fromM(entry);
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key)
                    .updateExpression("SET #def = :def, #status = :status, #rollout = :entry, "
                            + "#history = list_append(if_not_exists(#history, :empty), :entries)")
                    .conditionExpression("#def = :old")
                    .expressionAttributeNames(Map.of("#def", DynamoDbExperimentCatalog.DEFINITION, "#status", "status",
                            "#rollout", "rollout", "#history", "rolloutHistory"))
                    .expressionAttributeValues(Map.of(":def", AttributeValue.fromS(write(rolledOut)),
                            ":status", AttributeValue.fromS(rolledOut.status()),
                            ":entry", entryValue,
                            ":empty", AttributeValue.fromL(List.of()),
                            ":entries", AttributeValue.fromL(List.of(entryValue)),
                            ":old", definition)));
            return true;
        } catch (ConditionalCheckFailedException changedMeanwhile) {
            return false;
        }
    }

    private Experiment parse(String text, String key) {
        try {
            Map<String, Object> map = json.readValue(text, JSON_OBJECT);
            map.putIfAbsent("key", key);
            return Experiment.fromMap(map);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return null; // an unreadable stored definition is not the one we expect
        }
    }

    private String write(Experiment experiment) {
        try {
            return json.writeValueAsString(experiment.toMap());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("experiment definition is not serialisable", e);
        }
    }
}
