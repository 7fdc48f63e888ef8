package dev.hearken.experiment.assign.aws;

import static dev.hearken.aws.experiment.DynamoDbExposureCounter.AGGREGATE_PREFIX;
import static dev.hearken.aws.experiment.DynamoDbExposureCounter.KEY;
import static dev.hearken.aws.experiment.DynamoDbExposureCounter.SORT_KEY;
import static dev.hearken.aws.experiment.DynamoNumbers.d;
import static dev.hearken.aws.experiment.DynamoNumbers.l;
import static dev.hearken.aws.experiment.DynamoNumbers.n;

import dev.hearken.aws.experiment.DynamoDbExposureCounter;
import dev.hearken.aws.experiment.UserTotals;
import dev.hearken.experiment.assign.conversion.IgnoreReason;
import dev.hearken.experiment.assign.conversion.OutcomeType;
import dev.hearken.experiment.assign.port.ExperimentAggregates;
import dev.hearken.experiment.assign.results.AggregateSnapshot;
import dev.hearken.experiment.assign.results.MetricTotals;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Experiment counters in the {@code experiment-aggregates} table (partition {@code experimentKey},
 * sort {@code sk}), all updated with atomic {@code ADD}s so concurrent writers never lose an increment
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/WorkingWithItems.html#WorkingWithItems.AtomicCounters):
 * <ul>
 *   <li>{@code agg#exposed#<variationId>}: {@code users} (written by {@link DynamoDbExposureCounter}, which
 *       every assigning function shares);</li>
 *   <li>{@code agg#metric#<type>#<variationId>}: {@code users}, {@code events}, {@code sum}, {@code sumSquares}
 *       (written by {@link DynamoDbConversionLedger});</li>
 *   <li>{@code agg#ignored}: one number per ignore reason;</li>
 *   <li>{@code user#<type>#<userId>}: a user's running total of a metric, which {@code sumSquares} needs
 *       (written by {@link DynamoDbConversionLedger}, expiring with the exposures; key format in {@link UserTotals},
 *       which push-send's erasure of a user shares).</li>
 * </ul>
 * A result reads the {@code agg#} items with one query, however many events there were.
 */
public final class DynamoDbExperimentAggregates implements ExperimentAggregates {

    private final DynamoDbClient dynamo;
    private final String table;
    private final DynamoDbExposureCounter exposures;

    public DynamoDbExperimentAggregates(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
        this.exposures = new DynamoDbExposureCounter(dynamo, table);
    }

    static String metricSk(OutcomeType type, int variationId) {
        return AGGREGATE_PREFIX + "metric#" + type.wireName() + "#" + variationId;
    }

    static String userSk(OutcomeType type, String userId) {
        return UserTotals.sk(type.wireName(), userId);
    }

    static String ignoredSk() {
        return AGGREGATE_PREFIX + "ignored";
    }

    static Map<String, AttributeValue> key(String experimentKey, String sk) {
        return DynamoDbExposureCounter.key(experimentKey, sk);
    }

    @Override
    public void countFirstExposure(String experimentKey, int variationId) {
        exposures.countFirstExposure(experimentKey, variationId);
    }

    @Override
    public void countIgnored(String experimentKey, IgnoreReason reason) {
        dynamo.updateItem(b -> b.tableName(table)
                .key(key(experimentKey, ignoredSk()))
                .updateExpression("ADD #reason :one")
                .expressionAttributeNames(Map.of("#reason", reason.wireName()))
                .expressionAttributeValues(Map.of(":one", n(1L))));
    }

    @Override
    public AggregateSnapshot read(String experimentKey) {
        Map<Integer, Long> exposed = new HashMap<>();
        Map<OutcomeType, Map<Integer, MetricTotals>> metrics = new HashMap<>();
        Map<IgnoreReason, Long> ignored = new HashMap<>();
        QueryRequest query = QueryRequest.builder().tableName(table)
                .keyConditionExpression("#k = :k AND begins_with(#sk, :agg)")
                .expressionAttributeNames(Map.of("#k", KEY, "#sk", SORT_KEY))
                .expressionAttributeValues(Map.of(":k", AttributeValue.fromS(experimentKey),
                        ":agg", AttributeValue.fromS(AGGREGATE_PREFIX)))
                .consistentRead(true)
                .build();
        for (Map<String, AttributeValue> item : dynamo.queryPaginator(query).items()) {
            String[] parts = item.get(SORT_KEY).s().split("#");
            switch (parts[1]) {
                case "exposed" -> exposed.put(Integer.parseInt(parts[2]), l(item.get("users")));
                case "metric" -> type(parts[2]).ifPresent(type -> metrics.computeIfAbsent(type, t -> new HashMap<>())
                        .put(Integer.parseInt(parts[3]), new MetricTotals(l(item.get("users")), l(item.get("events")),
                                d(item.get("sum")), d(item.get("sumSquares")))));
                case "ignored" -> {
                    for (IgnoreReason reason : IgnoreReason.values()) {
                        if (item.containsKey(reason.wireName())) {
                            ignored.put(reason, l(item.get(reason.wireName())));
                        }
                    }
                }
                default -> { } // an item kind added later; older readers skip it
            }
        }
        return new AggregateSnapshot(exposed, metrics, ignored);
    }

    private static Optional<OutcomeType> type(String wireName) {
        return OutcomeType.of(wireName);
    }
}
