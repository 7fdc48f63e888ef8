package dev.hearken.aws.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.experiment.assignment.Experiment;
import dev.hearken.experiment.port.ExperimentCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * Reads experiment definitions from the {@code experiments} table. Each item holds the key
 * ({@code experimentKey}) and the GrowthBook-shaped definition as a JSON string
 * ({@code definition}), so an operator can paste a definition exported from GrowthBook.
 *
 * <p>A definition that does not parse is skipped with a warning naming its key (and why), instead
 * of taking every other experiment down with it; requests for it get "unknown experiment".
 */
public final class DynamoDbExperimentCatalog implements ExperimentCatalog {

    private static final Logger LOG = Logger.getLogger(DynamoDbExperimentCatalog.class);
    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {};

    /** Partition key attribute. */
    public static final String KEY = "experimentKey";
    /** The GrowthBook experiment JSON. */
    public static final String DEFINITION = "definition";

    private final DynamoDbClient dynamo;
    private final ObjectMapper json;
    private final String table;

    public DynamoDbExperimentCatalog(DynamoDbClient dynamo, ObjectMapper json, String table) {
        this.dynamo = dynamo;
        this.json = json;
        this.table = table;
    }

    @Override
    public List<Experiment> all() {
        List<Experiment> out = new ArrayList<>();
        // The catalogue is small; scanPaginator follows LastEvaluatedKey for us.
        for (Map<String, AttributeValue> item : dynamo.scanPaginator(
                ScanRequest.builder().tableName(table).consistentRead(true).build()).items()) {
            String key = item.containsKey(KEY) ? item.get(KEY).s() : "?";
            try {
                out.add(parse(key, item));
            } catch (IllegalArgumentException | JsonProcessingException e) {
                LOG.warnf("skipping experiment %s: invalid definition (%s)", key, e.getMessage());
            }
        }
        return out;
    }

    private Experiment parse(String key, Map<String, AttributeValue> item) throws JsonProcessingException {
        AttributeValue definition = item.get(DEFINITION);
        if (definition == null || definition.s() == null) {
            throw new IllegalArgumentException("missing attribute " + DEFINITION);
        }
        Map<String, Object> map = json.readValue(definition.s(), JSON_OBJECT);
        map.putIfAbsent("key", key);
        if (!key.equals(map.get("key"))) {
            throw new IllegalArgumentException("definition key does not match item key");
        }
        return Experiment.fromMap(map);
    }
}
