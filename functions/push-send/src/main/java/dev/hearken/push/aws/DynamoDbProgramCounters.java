package dev.hearken.push.aws;

import static dev.hearken.push.aws.Items.n;
import static dev.hearken.push.aws.Items.s;

import dev.hearken.aws.experiment.DynamoDbProgramStats;
import dev.hearken.push.port.ProgramCounters;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.StringJoiner;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * push-send's counters in {@code program-stats} (partition {@code program}, sort {@code day}, UTC
 * {@code YYYY-MM-DD}; the item shape of {@link DynamoDbProgramStats}, which the program overview reads): one {@code UpdateItem} with {@code ADD} for every counter of a message, so
 * concurrent workers never lose an increment and a message costs one write however many devices it had.
 *
 * <p>Hot key: every message of a program on a day writes the same item, and one partition takes
 * about 1,000 write units a second. Today's worker stays below that (20 instances at most, see the
 * README), and a throttled write is retried by the SDK and then only logged — the message is already
 * sent. A campaign that pushes a single program past ~1,000 messages/s needs write sharding (a
 * {@code day} suffix the reader sums) or aggregation per SQS batch; see the README.
 */
public final class DynamoDbProgramCounters implements ProgramCounters {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbProgramCounters(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public void add(String program, LocalDate day, Map<String, Long> counters) {
        if (counters.isEmpty()) {
            return;
        }
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        StringJoiner adds = new StringJoiner(", ", "ADD ", "");
        int i = 0;
        for (Map.Entry<String, Long> c : counters.entrySet()) {
            names.put("#c" + i, c.getKey());
            values.put(":v" + i, n(c.getValue()));
            adds.add("#c" + i + " :v" + i);
            i++;
        }
        dynamo.updateItem(b -> b.tableName(table)
                .key(Map.of(DynamoDbProgramStats.KEY, s(program), DynamoDbProgramStats.SORT_KEY, s(day.toString())))
                .updateExpression(adds.toString())
                .expressionAttributeNames(names)
                .expressionAttributeValues(values));
    }
}
