package dev.hearken.push.aws;

import static dev.hearken.push.aws.Items.s;

import dev.hearken.aws.experiment.UserTotals;
import dev.hearken.push.port.PersonalData;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * A user's items in one DynamoDB table, found by {@code userId} — the table's partition key, or the
 * {@value #BY_USER} index of tables keyed otherwise — and deleted one {@code DeleteItem} at a time with
 * {@code ALL_OLD}, so that the count is of items that were there (a second erasure counts 0, and an index that
 * still lists a deleted item, being eventually consistent, does not inflate the count).
 *
 * <p>The {@value #BY_USER} indexes (push-deliveries, push-segments, exposures, conversions) are {@code KEYS_ONLY}:
 * a query returns the table's keys, all a deletion needs. An item written while an erasure runs, or not yet in the
 * index (it lags the table by a fraction of a second), is found by the next erasure.
 */
public final class DynamoDbPersonalData implements PersonalData {

    /** The name of the user-id index of the tables not keyed by user. */
    public static final String BY_USER = "byUser";

    private final DynamoDbClient dynamo;
    private final String store;
    private final String table;
    private final String index;
    private final List<String> keys;

    /**
     * @param store the store's name in the report
     * @param table the physical table name
     * @param index the user-id index, or {@code null} when {@code userId} is the table's partition key
     * @param keys  the table's key attributes
     */
    public DynamoDbPersonalData(DynamoDbClient dynamo, String store, String table, String index, List<String> keys) {
        this.dynamo = dynamo;
        this.store = store;
        this.table = table;
        this.index = index;
        this.keys = List.copyOf(keys);
    }

    /** {@code push-users}: one item keyed by {@code userId}. */
    public static PersonalData item(DynamoDbClient dynamo, String store, String table) {
        return new PersonalData() {
            @Override
            public String store() {
                return store;
            }

            @Override
            public int erase(String userId) {
                return dynamo.deleteItem(b -> b.tableName(table).key(Map.of("userId", s(userId)))
                        .returnValues(ReturnValue.ALL_OLD)).hasAttributes() ? 1 : 0;
            }
        };
    }

    /**
     * The user's running totals in {@code experiment-aggregates} ({@link UserTotals}: one item per experiment and
     * outcome type). They exist only for experiments the user was exposed to, so the experiments come from the
     * user's exposures ({@value #BY_USER} index of {@code exposures}) — which is why exposures are erased after them.
     * A total outliving its exposure (the exposure expired first) is not found; both expire with the same retention.
     */
    public static PersonalData userTotals(DynamoDbClient dynamo, String store, String aggregates, String exposures) {
        return new PersonalData() {
            @Override
            public String store() {
                return store;
            }

            @Override
            public int erase(String userId) {
                Set<String> experiments = new LinkedHashSet<>();
                query(dynamo, exposures, BY_USER, userId).forEach(item -> experiments.add(item.get("experimentKey").s()));
                int erased = 0;
                for (String experiment : experiments) {
                    for (String type : UserTotals.OUTCOME_TYPES) {
                        erased += dynamo.deleteItem(b -> b.tableName(aggregates)
                                .key(Map.of(UserTotals.KEY, s(experiment), UserTotals.SORT_KEY, s(UserTotals.sk(type, userId))))
                                .returnValues(ReturnValue.ALL_OLD)).hasAttributes() ? 1 : 0;
                    }
                }
                return erased;
            }
        };
    }

    @Override
    public String store() {
        return store;
    }

    @Override
    public int erase(String userId) {
        int erased = 0;
        for (Map<String, AttributeValue> item : query(dynamo, table, index, userId)) {
            Map<String, AttributeValue> key = keys.stream().collect(Collectors.toMap(k -> k, item::get));
            erased += dynamo.deleteItem(b -> b.tableName(table).key(key).returnValues(ReturnValue.ALL_OLD))
                    .hasAttributes() ? 1 : 0;
        }
        return erased;
    }

    /** Every item of {@code userId} in {@code table} (or its {@code index}), read to the end before any is deleted. */
    private static List<Map<String, AttributeValue>> query(DynamoDbClient dynamo, String table, String index,
            String userId) {
        QueryRequest.Builder query = QueryRequest.builder().tableName(table)
                .keyConditionExpression("#u = :u")
                .expressionAttributeNames(Map.of("#u", "userId"))
                .expressionAttributeValues(Map.of(":u", s(userId)));
        if (index != null) {
            query.indexName(index);
        }
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        dynamo.queryPaginator(query.build()).items().forEach(items::add);
        return items;
    }
}
