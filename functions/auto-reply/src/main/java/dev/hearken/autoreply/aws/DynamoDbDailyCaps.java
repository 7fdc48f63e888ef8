package dev.hearken.autoreply.aws;

import dev.hearken.autoreply.domain.DailyCaps;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Daily counters in DynamoDB: one item per {@code <channel>#<scope>#<day>}, incremented with
 * {@code ADD} under the condition that it is below the limit — atomic across concurrent instances.
 * Items expire two days after their day ({@code expiresAt}, TTL).
 */
public final class DynamoDbDailyCaps implements DailyCaps {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbDailyCaps(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public boolean tryTake(String channel, String scope, LocalDate day, int limit) {
        if (limit == Integer.MAX_VALUE) {
            return true;
        }
        long expires = day.plusDays(2).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        try {
            dynamo.updateItem(b -> b.tableName(table)
                    .key(Map.of("capKey", AttributeValue.fromS(channel + "#" + scope + "#" + day)))
                    .updateExpression("ADD #c :one SET expiresAt = :exp")
                    .conditionExpression("attribute_not_exists(#c) OR #c < :limit")
                    .expressionAttributeNames(Map.of("#c", "used"))
                    .expressionAttributeValues(Map.of(
                            ":one", AttributeValue.fromN("1"),
                            ":exp", AttributeValue.fromN(Long.toString(expires)),
                            ":limit", AttributeValue.fromN(Integer.toString(limit)))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }
}
