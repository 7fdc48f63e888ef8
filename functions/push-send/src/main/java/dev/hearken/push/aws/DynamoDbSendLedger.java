package dev.hearken.push.aws;

import static dev.hearken.push.aws.Items.n;
import static dev.hearken.push.aws.Items.s;
import static dev.hearken.push.aws.Items.string;

import dev.hearken.push.port.SendLedger;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * The idempotency ledger in {@code push-sends}: one item per message key with {@code status}
 * ({@code open}|{@code done}), {@code leaseUntil} (epoch ms), {@code sentTokens} (string set),
 * {@code capTaken}, {@code outcome} and {@code expiresAt} (TTL).
 *
 * <p>{@link #begin} is one conditional {@code UpdateItem}: it succeeds only when the key is new, or
 * open with an expired lease, so of two concurrent copies of a message exactly one proceeds
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/WorkingWithItems.html#WorkingWithItems.ConditionalUpdate).
 * It returns the whole item ({@code ALL_NEW}), so what earlier attempts did ({@code sentTokens},
 * {@code capTaken}) comes with the lease, without a read of its own.
 */
public final class DynamoDbSendLedger implements SendLedger {

    private final DynamoDbClient dynamo;
    private final String table;
    private final Duration retention;

    public DynamoDbSendLedger(DynamoDbClient dynamo, String table, Duration retention) {
        this.dynamo = dynamo;
        this.table = table;
        this.retention = retention;
    }

    @Override
    public Claim begin(String key, Instant now, Duration lease) {
        try {
            Map<String, AttributeValue> item = dynamo.updateItem(b -> b.tableName(table)
                    .key(key(key))
                    .updateExpression("SET leaseUntil = :until, #s = if_not_exists(#s, :open), expiresAt = :exp")
                    .conditionExpression("attribute_not_exists(idempotencyKey) OR (#s <> :done AND leaseUntil < :now)")
                    .expressionAttributeNames(Map.of("#s", "status"))
                    .expressionAttributeValues(Map.of(
                            ":until", n(now.plus(lease).toEpochMilli()),
                            ":open", s("open"),
                            ":done", s("done"),
                            ":now", n(now.toEpochMilli()),
                            ":exp", n(now.plus(retention).getEpochSecond())))
                    .returnValues(ReturnValue.ALL_NEW)).attributes();
            Set<String> sent = new HashSet<>();
            AttributeValue tokens = item.get("sentTokens");
            if (tokens != null && tokens.hasSs()) {
                sent.addAll(tokens.ss());
            }
            AttributeValue capTaken = item.get("capTaken");
            return new Claim(new Entry(key, sent, capTaken != null && Boolean.TRUE.equals(capTaken.bool())), null);
        } catch (ConditionalCheckFailedException e) {
            Map<String, AttributeValue> current = dynamo.getItem(b -> b.tableName(table).key(key(key)).consistentRead(true))
                    .item();
            boolean done = current != null && "done".equals(string(current, "status"));
            return new Claim(null, done ? Refusal.FINISHED : Refusal.BUSY);
        }
    }

    @Override
    public void markCapTaken(String key) {
        dynamo.updateItem(b -> b.tableName(table).key(key(key))
                .updateExpression("SET capTaken = :t")
                .expressionAttributeValues(Map.of(":t", AttributeValue.fromBool(true))));
    }

    @Override
    public void markSent(String key, String token) {
        dynamo.updateItem(b -> b.tableName(table).key(key(key))
                .updateExpression("ADD sentTokens :t")
                .expressionAttributeValues(Map.of(":t", AttributeValue.fromSs(java.util.List.of(token)))));
    }

    @Override
    public void finish(String key, String outcome) {
        dynamo.updateItem(b -> b.tableName(table).key(key(key))
                .updateExpression("SET #s = :done, outcome = :o, leaseUntil = :zero")
                .expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":done", s("done"), ":o", s(outcome), ":zero", n(0))));
    }

    @Override
    public void release(String key) {
        dynamo.updateItem(b -> b.tableName(table).key(key(key))
                .updateExpression("SET leaseUntil = :zero")
                .expressionAttributeValues(Map.of(":zero", n(0))));
    }

    private static Map<String, AttributeValue> key(String key) {
        return Map.of("idempotencyKey", s(key));
    }
}
