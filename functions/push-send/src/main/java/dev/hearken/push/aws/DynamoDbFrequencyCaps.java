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
 * <p>Once counted, the message's ledger item ({@code push-sends}) is marked {@code capTaken}, and a
 * retried message that finds the mark is not counted again. A crash between counting and marking
 * counts the retry twice: conservative, the user gets fewer pushes, never more.
 *
 * <p>Why not {@code TransactWriteItems} over both windows and the ledger: it costs twice the write
 * units, and moto — the emulator the tests run on — restores a whole-table snapshot when a transaction
 * is cancelled, which undoes concurrent writes and made the concurrency test fail there.
 */
public final class DynamoDbFrequencyCaps implements FrequencyCaps {

    private final DynamoDbClient dynamo;
    private final String capsTable;
    private final String ledgerTable;

    public DynamoDbFrequencyCaps(DynamoDbClient dynamo, String capsTable, String ledgerTable) {
        this.dynamo = dynamo;
        this.capsTable = capsTable;
        this.ledgerTable = ledgerTable;
    }

    @Override
    public CapWindow take(String userId, String idempotencyKey, Priority priority, List<CapWindow> windows,
            CapLimits limits) {
        if (alreadyTaken(idempotencyKey)) {
            return null;
        }
        for (int i = 0; i < windows.size(); i++) {
            CapWindow window = windows.get(i);
            if (!increment(userId, window, limits.limit(priority, window.kind()))) {
                for (int j = 0; j < i; j++) {
                    giveBack(userId, windows.get(j));
                }
                return window;
            }
        }
        dynamo.updateItem(b -> b.tableName(ledgerTable)
                .key(Map.of("idempotencyKey", s(idempotencyKey)))
                .updateExpression("SET capTaken = :t")
                .expressionAttributeValues(Map.of(":t", AttributeValue.fromBool(true))));
        return null;
    }

    private boolean alreadyTaken(String idempotencyKey) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(ledgerTable).consistentRead(true)
                .key(Map.of("idempotencyKey", s(idempotencyKey))).projectionExpression("capTaken")).item();
        AttributeValue taken = item == null ? null : item.get("capTaken");
        return taken != null && Boolean.TRUE.equals(taken.bool());
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
