package dev.hearken.autoreply.aws;

import dev.hearken.autoreply.domain.ReplyLedger;
import dev.hearken.autoreply.domain.ReplyOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * The ledger in DynamoDB: one item per {@code requestId}. A claim is a {@code PutItem} with
 * {@code attribute_not_exists(requestId)} that returns the existing item when the condition fails
 * (one round trip either way); the outcome is an {@code UpdateItem}. Items expire ({@code expiresAt},
 * TTL) after the retention — far longer than any producer re-sends, and the channel read-back
 * still protects older items.
 */
public final class DynamoDbReplyLedger implements ReplyLedger {

    private final DynamoDbClient dynamo;
    private final String table;
    private final Duration retention;

    public DynamoDbReplyLedger(DynamoDbClient dynamo, String table, Duration retention) {
        this.dynamo = dynamo;
        this.table = table;
        this.retention = retention;
    }

    @Override
    public Claim claim(String requestId, Instant now) {
        try {
            dynamo.putItem(b -> b.tableName(table)
                    .item(Map.of(
                            "requestId", AttributeValue.fromS(requestId),
                            "state", AttributeValue.fromS("PENDING"),
                            "claimedAt", AttributeValue.fromS(now.toString()),
                            "expiresAt", AttributeValue.fromN(Long.toString(now.plus(retention).getEpochSecond()))))
                    .conditionExpression("attribute_not_exists(requestId)")
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return new Claim(State.NEW, now);
        } catch (ConditionalCheckFailedException e) {
            Map<String, AttributeValue> old = e.hasItem() ? e.item() : read(requestId);
            if (old == null) {
                return claim(requestId, now); // released in between
            }
            State state = "DONE".equals(old.get("state").s()) ? State.DONE : State.PENDING;
            return new Claim(state, Instant.parse(old.get("claimedAt").s()));
        }
    }

    @Override
    public boolean takeOver(String requestId, Instant seenClaimedAt, Instant now) {
        try {
            // Equality, not "<": ISO instants have 0, 3, 6 or 9 fraction digits, so they do not sort as
            // strings ("…51.810123Z" > "…51.810123001Z"). Instant.toString is canonical, so the claim
            // read back and formatted again is the stored string.
            dynamo.updateItem(b -> b.tableName(table)
                    .key(key(requestId))
                    .updateExpression("SET claimedAt = :now")
                    .conditionExpression("#s = :pending AND claimedAt = :seen")
                    .expressionAttributeNames(Map.of("#s", "state"))
                    .expressionAttributeValues(Map.of(
                            ":now", AttributeValue.fromS(now.toString()),
                            ":pending", AttributeValue.fromS("PENDING"),
                            ":seen", AttributeValue.fromS(seenClaimedAt.toString()))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public void release(String requestId) {
        try {
            dynamo.deleteItem(b -> b.tableName(table).key(key(requestId))
                    .conditionExpression("#s = :pending")
                    .expressionAttributeNames(Map.of("#s", "state"))
                    .expressionAttributeValues(Map.of(":pending", AttributeValue.fromS("PENDING"))));
        } catch (ConditionalCheckFailedException e) {
            // Already completed by a concurrent attempt: its outcome stays.
        }
    }

    @Override
    public void complete(String requestId, ReplyOutcome outcome, Instant now) {
        // Every attribute through a name placeholder: "language" (and others) are DynamoDB reserved words.
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        StringBuilder set = new StringBuilder("SET");
        attribute(names, values, set, "state", "DONE");
        attribute(names, values, set, "outcome", outcome.status().name());
        attribute(names, values, set, "completedAt", now.toString());
        attribute(names, values, set, "reason", outcome.reason());
        attribute(names, values, set, "templateKey", outcome.templateKey());
        attribute(names, values, set, "language", outcome.language());
        attribute(names, values, set, "experimentKey", outcome.experimentKey());
        attribute(names, values, set, "variant", outcome.variant());
        dynamo.updateItem(b -> b.tableName(table).key(key(requestId))
                .updateExpression(set.toString())
                .expressionAttributeNames(names)
                .expressionAttributeValues(values));
    }

    private Map<String, AttributeValue> read(String requestId) {
        var item = dynamo.getItem(b -> b.tableName(table).key(key(requestId)).consistentRead(true));
        return item.hasItem() ? item.item() : null;
    }

    private static void attribute(Map<String, String> names, Map<String, AttributeValue> values, StringBuilder set,
            String name, String value) {
        if (value != null) {
            names.put("#" + name, name);
            values.put(":" + name, AttributeValue.fromS(value));
            set.append(names.size() == 1 ? " " : ", ").append('#').append(name).append(" = :").append(name);
        }
    }

    private static Map<String, AttributeValue> key(String requestId) {
        return Map.of("requestId", AttributeValue.fromS(requestId));
    }
}
