package dev.hearken.aws.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.experiment.assignment.Experiment;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An item of the {@code experiments} table and the {@link Experiment} it holds, both ways: the key
 * ({@value #KEY}), the GrowthBook-shaped definition as a JSON string ({@value #DEFINITION}, so that an operator can
 * paste a definition exported from GrowthBook) and its {@value #STATUS}, a copy of the definition's for listing
 * (absent in the definition means running, as in GrowthBook). Other attributes (a rollout's record, the operator
 * API's version) are the writers' and readers' own.
 */
public final class ExperimentItems {

    /** Partition key attribute. */
    public static final String KEY = "experimentKey";
    /** The GrowthBook experiment JSON. */
    public static final String DEFINITION = "definition";
    /** The definition's status, {@code running} when it has none. */
    public static final String STATUS = "status";

    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {};

    private final ObjectMapper json;

    public ExperimentItems(ObjectMapper json) {
        this.json = json;
    }

    /**
     * The experiment an item holds. A definition without {@code key} takes the item's.
     *
     * @throws IllegalArgumentException saying what is wrong: no definition, invalid JSON, a key other than the
     *                                  item's, or a definition {@link Experiment#fromMap} refuses
     */
    public Experiment read(Map<String, AttributeValue> item) {
        AttributeValue key = item.get(KEY);
        AttributeValue definition = item.get(DEFINITION);
        if (definition == null || definition.s() == null) {
            throw new IllegalArgumentException("missing attribute " + DEFINITION);
        }
        Map<String, Object> map;
        try {
            map = json.readValue(definition.s(), JSON_OBJECT);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("definition is not a JSON object: " + e.getOriginalMessage());
        }
        String itemKey = key == null ? null : key.s();
        map.putIfAbsent("key", itemKey);
        if (itemKey == null || !itemKey.equals(map.get("key"))) {
            throw new IllegalArgumentException("definition key does not match item key");
        }
        return Experiment.fromMap(map);
    }

    /** The item that holds {@code experiment}: its key, definition and status. */
    public Map<String, AttributeValue> write(Experiment experiment) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put(KEY, AttributeValue.fromS(experiment.key()));
        item.put(DEFINITION, AttributeValue.fromS(text(experiment)));
        item.put(STATUS, AttributeValue.fromS(experiment.status() == null ? "running" : experiment.status()));
        return item;
    }

    private String text(Experiment experiment) {
        try {
            return json.writeValueAsString(experiment.toMap());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an experiment's JSON values always serialise", e);
        }
    }
}
