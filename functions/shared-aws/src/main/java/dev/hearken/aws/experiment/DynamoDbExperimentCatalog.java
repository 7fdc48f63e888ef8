package dev.hearken.aws.experiment;

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
 * Reads experiment definitions from the {@code experiments} table, items as {@link ExperimentItems} describes them.
 *
 * <p>A definition that does not parse is skipped with a warning naming its key (and why), instead
 * of taking every other experiment down with it; requests for it get "unknown experiment".
 */
public final class DynamoDbExperimentCatalog implements ExperimentCatalog {

    private static final Logger LOG = Logger.getLogger(DynamoDbExperimentCatalog.class);

    private final DynamoDbClient dynamo;
    private final ExperimentItems items;
    private final String table;

    public DynamoDbExperimentCatalog(DynamoDbClient dynamo, ObjectMapper json, String table) {
        this.dynamo = dynamo;
        this.items = new ExperimentItems(json);
        this.table = table;
    }

    @Override
    public List<Experiment> all() {
        List<Experiment> out = new ArrayList<>();
        // The catalogue is small; scanPaginator follows LastEvaluatedKey for us.
        for (Map<String, AttributeValue> item : dynamo.scanPaginator(
                ScanRequest.builder().tableName(table).consistentRead(true).build()).items()) {
            String key = item.containsKey(ExperimentItems.KEY) ? item.get(ExperimentItems.KEY).s() : "?";
            try {
                out.add(items.read(item));
            } catch (IllegalArgumentException e) {
                LOG.warnf("skipping experiment %s: invalid definition (%s)", key, e.getMessage());
            }
        }
        return out;
    }
}
