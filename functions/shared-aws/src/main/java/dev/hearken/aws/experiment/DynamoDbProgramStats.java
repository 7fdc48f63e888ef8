package dev.hearken.aws.experiment;

import dev.hearken.experiment.port.ProgramStats;
import dev.hearken.experiment.port.ProgramDay;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Program day counters in the {@code program-stats} table: partition {@code program}, sort {@code day}
 * ({@code YYYY-MM-DD}, UTC), one number attribute per counter, each only ever changed with {@code ADD}.
 * Outcome events add {@code push_opened}, {@code push_clicked}, … ({@link DynamoDbConversionLedger});
 * push-send (#7) adds {@code sends}, {@code deliveries}, {@code capped}, {@code deferred} (and
 * {@code email_deliveries}, {@code opted_out}, {@code failed}) the same way, one {@code UpdateItem} per message.
 */
public final class DynamoDbProgramStats implements ProgramStats {

    /** Partition key attribute. */
    public static final String KEY = "program";
    /** Sort key attribute. */
    public static final String SORT_KEY = "day";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbProgramStats(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public List<ProgramDay> read(String program, LocalDate from, LocalDate to) {
        QueryRequest query = QueryRequest.builder().tableName(table)
                .keyConditionExpression("#p = :p AND #d BETWEEN :from AND :to")
                .expressionAttributeNames(Map.of("#p", KEY, "#d", SORT_KEY))
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(program),
                        ":from", AttributeValue.fromS(from.toString()), ":to", AttributeValue.fromS(to.toString())))
                .build();
        List<ProgramDay> days = new ArrayList<>();
        for (Map<String, AttributeValue> item : dynamo.queryPaginator(query).items()) {
            Map<String, Long> counters = new TreeMap<>();
            item.forEach((name, value) -> {
                if (value.n() != null) {
                    counters.put(name, DynamoNumbers.l(value));
                }
            });
            days.add(new ProgramDay(LocalDate.parse(item.get(SORT_KEY).s()), counters));
        }
        return days;
    }
}
