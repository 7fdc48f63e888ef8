package dev.hearken.push.aws;

import static dev.hearken.push.aws.Items.n;
import static dev.hearken.push.aws.Items.s;

import dev.hearken.push.domain.CapLimits;
import dev.hearken.push.domain.CapWindow;
import dev.hearken.push.message.Priority;
import dev.hearken.push.port.FrequencyCaps;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Frequency caps as DynamoDB counters, one item per (user, window) in {@code push-caps}
 * ({@code userId}, {@code window}, {@code count}, {@code expiresAt} TTL).
 *
 * <p>Each window is taken with one conditional {@code UpdateItem}: {@code ADD count 1} under
 * {@code count < limit} (no condition for transactional). A single-item conditional write is atomic in
 * DynamoDB, so concurrent workers can never push a counter past its limit
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/WorkingWithItems.html#WorkingWithItems.ConditionalUpdate).
 * When the week is full after the day was taken, the day is given back ({@code ADD count -1}); in
 * between, a concurrent message may see one slot too few, never one too many.
 *
 * <p>The windows are taken one after the other (one more DynamoDB call in a row), not at the same time:
 * taken together, a message refused by the day would hold a week slot until it gives it back, and
 * meanwhile refuse messages that fit — a promotional message over its daily limit could cap a concurrent
 * lifecycle message on the week, which the caps' priorities exist to prevent. Counting a message once per
 * idempotency key is the caller's, through the ledger's {@code capTaken} mark.
 *
 * <p>Why not {@code TransactWriteItems} over both windows: it costs twice the write units, and moto
 * restores a whole-table snapshot when a transaction is cancelled, which undoes concurrent writes and made
 * the concurrency test fail there.
 */
public final class DynamoDbFrequencyCaps implements FrequencyCaps {

    private final DynamoDbClient dynamo;
    private final String capsTable;

    public DynamoDbFrequencyCaps(DynamoDbClient dynamo, String capsTable) {
        this.dynamo = dynamo;
        this.capsTable = capsTable;
    }

    @Override
    public CapWindow take(String userId, Priority priority, List<CapWindow> windows, CapLimits limits) {
        for (int i = 0; i < windows.size(); i++) {
            CapWindow window = windows.get(i);
            if (!increment(userId, window, limits.limit(priority, window.kind()))) {
                for (int j = 0; j < i; j++) {
                    giveBack(userId, windows.get(j));
                }
                return window;
            }
        }
        return null;
    }

    private boolean increment(String userId, CapWindow window, OptionalInt limit) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":one", n(1));
        values.put(":exp", n(window.expiresAt().getEpochSecond()));
        try {
            dynamo.updateItem(b -> {
                b.tableName(capsTable)
                        .key(Map.of("userId", s(userId), "window", s(window.key())))
                        .updateExpression("ADD #c :one SET expiresAt = :exp")
                        .expressionAttributeNames(Map.of("#c", "count"));
                if (limit.isPresent()) {
                    values.put(":limit", n(limit.getAsInt()));
                    b.conditionExpression("attribute_not_exists(#c) OR #c < :limit");
                }
                b.expressionAttributeValues(values);
            });
            return true;
        } catch (ConditionalCheckFailedException full) {
            return false;
        }
    }

    private void giveBack(String userId, CapWindow window) {
        dynamo.updateItem(b -> b.tableName(capsTable)
                .key(Map.of("userId", s(userId), "window", s(window.key())))
                .updateExpression("ADD #c :minus")
                .expressionAttributeNames(Map.of("#c", "count"))
                .expressionAttributeValues(Map.of(":minus", n(-1))));
    }
}
