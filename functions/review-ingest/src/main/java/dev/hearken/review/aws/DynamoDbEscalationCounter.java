package dev.hearken.review.aws;

import dev.hearken.review.ingest.EscalationCounter;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Escalation counters on the {@code review-impact} table, beside the bug-impact counters: partition
 * {@code impactKey} = {@code escalations#<appId>} (no topic is called that, and the impact query only reads
 * {@code <appId>#<topic>}); sort {@code sk} = {@code C#<day>} for the day's counter ({@code escalations}, plus one
 * attribute per flag: {@code privacy}, {@code legal}) and {@code M#<reviewKey>} for the marker that says a review
 * was counted.
 *
 * <p>Why here and not on the review item: the question is "how many privacy/legal reviews did this app get per
 * day", one GetItem per app and day, without scanning reviews; and the table already holds counters of the same
 * kind with the same idempotency. Counting is one transaction — put the marker if absent, ADD to the counter — so
 * a re-delivery, a version finished after a crash or an edit of the review counts nothing more
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/transaction-apis.html). The markers do not
 * expire (escalations are few), so a review is counted once, ever.
 */
public final class DynamoDbEscalationCounter implements EscalationCounter {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbEscalationCounter(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public long count(String appId, LocalDate day, String reviewKey, Set<String> flags) {
        String key = "escalations#" + appId;
        Map<String, AttributeValue> counter = Map.of("impactKey", s(key), "sk", s("C#" + day));
        StringBuilder update = new StringBuilder("ADD escalations :one");
        Map<String, String> names = new HashMap<>(Map.of("#day", "day"));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":one", AttributeValue.fromN("1"), ":d", s(day.toString())));
        int i = 0;
        for (String flag : flags.stream().sorted().toList()) {
            update.append(", #f").append(i).append(" :one");
            names.put("#f" + i++, flag);
        }
        update.append(" SET #day = :d");
        try {
            dynamo.transactWriteItems(b -> b.transactItems(
                    TransactWriteItem.builder().put(p -> p.tableName(table)
                            .item(Map.of("impactKey", s(key), "sk", s("M#" + reviewKey), "day", s(day.toString())))
                            .conditionExpression("attribute_not_exists(sk)")).build(),
                    TransactWriteItem.builder().update(u -> u.tableName(table).key(counter)
                            .updateExpression(update.toString())
                            .expressionAttributeNames(names)
                            .expressionAttributeValues(values)).build()));
        } catch (TransactionCanceledException e) {
            if (!(e.hasCancellationReasons() && !e.cancellationReasons().isEmpty()
                    && "ConditionalCheckFailed".equals(e.cancellationReasons().get(0).code()))) {
                throw e;
            }
            // counted before: report the day's number all the same
        }
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(counter).consistentRead(true)).item();
        return item == null || !item.containsKey("escalations") ? 0 : Long.parseLong(item.get("escalations").n());
    }

    private static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }
}
