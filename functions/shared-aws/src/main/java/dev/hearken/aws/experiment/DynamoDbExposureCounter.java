package dev.hearken.aws.experiment;

import dev.hearken.experiment.port.ExposureCounter;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Counts first exposures in the {@code experiment-aggregates} table (partition {@code experimentKey},
 * sort {@code sk}): item {@code agg#exposed#<variationId>}, attribute {@code users}, only ever changed
 * with an atomic {@code ADD} so concurrent writers never lose an increment
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/WorkingWithItems.html#WorkingWithItems.AtomicCounters).
 *
 * <p>Every function that assigns (experiment-assign, push-send, auto-reply) counts here; the other
 * items of the table (metric totals, ignored events) belong to experiment-assign, which reads them all
 * with one query on the {@value #AGGREGATE_PREFIX} prefix.
 */
public final class DynamoDbExposureCounter implements ExposureCounter {

    /** Partition key attribute. */
    public static final String KEY = "experimentKey";
    /** Sort key attribute. */
    public static final String SORT_KEY = "sk";
    /** Sort key prefix of every aggregate item (the items a result reads). */
    public static final String AGGREGATE_PREFIX = "agg#";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbExposureCounter(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** The key of one item of experiment {@code experimentKey}. */
    public static Map<String, AttributeValue> key(String experimentKey, String sk) {
        return Map.of(KEY, AttributeValue.fromS(experimentKey), SORT_KEY, AttributeValue.fromS(sk));
    }

    @Override
    public void countFirstExposure(String experimentKey, int variationId) {
        dynamo.updateItem(b -> b.tableName(table)
                .key(key(experimentKey, AGGREGATE_PREFIX + "exposed#" + variationId))
                .updateExpression("ADD #users :one")
                .expressionAttributeNames(Map.of("#users", "users"))
                .expressionAttributeValues(Map.of(":one", DynamoNumbers.n(1L))));
    }
}
