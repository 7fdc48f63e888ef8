package dev.hearken.aws.experiment;

import dev.hearken.experiment.port.ExposureLog;
import dev.hearken.experiment.port.ExposureLookup;
import dev.hearken.experiment.service.Exposure;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * Stores first exposures in the {@code exposures} table (partition {@code experimentKey}, sort
 * {@code userId}) with a conditional put, so retries and concurrent calls record one item.
 *
 * <p>The condition {@code attribute_not_exists(userId)} is evaluated against the item with the same
 * full key, which makes it "no exposure yet for this (experiment, user)"; see
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.ConditionExpressions.html#Expressions.ConditionExpressions.PreventingOverwrites
 */
public final class DynamoDbExposureLog implements ExposureLog, ExposureLookup {

    private final DynamoDbClient dynamo;
    private final String table;
    private final Duration retention;

    public DynamoDbExposureLog(DynamoDbClient dynamo, String table, Duration retention) {
        this.dynamo = dynamo;
        this.table = table;
        this.retention = retention;
    }

    @Override
    public boolean recordFirst(Exposure exposure) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("experimentKey", s(exposure.experimentKey()));
        item.put("userId", s(exposure.userId()));
        item.put("variationId", n(exposure.variationId()));
        item.put("variationKey", s(exposure.variationKey()));
        item.put("exposedAt", s(exposure.exposedAt().toString()));
        // DynamoDB TTL wants epoch seconds in a number attribute.
        item.put("expiresAt", n(exposure.exposedAt().plus(retention).getEpochSecond()));
        if (exposure.hashAttribute() != null) {
            item.put("hashAttribute", s(exposure.hashAttribute()));
        }
        if (exposure.bucket() != null) {
            item.put("bucket", AttributeValue.fromN(Double.toString(exposure.bucket())));
        }
        try {
            dynamo.putItem(PutItemRequest.builder()
                    .tableName(table)
                    .item(item)
                    .conditionExpression("attribute_not_exists(userId)")
                    .build());
            return true;
        } catch (ConditionalCheckFailedException alreadyExposed) {
            return false;
        }
    }

    /** Reads the exposure back (a strongly consistent read: an event may follow its exposure closely). */
    @Override
    public Optional<Exposure> find(String experimentKey, String userId) {
        var response = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of("experimentKey", s(experimentKey), "userId", s(userId))));
        if (!response.hasItem()) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = response.item();
        return Optional.of(new Exposure(
                experimentKey,
                userId,
                Integer.parseInt(item.get("variationId").n()),
                item.containsKey("variationKey") ? item.get("variationKey").s() : null,
                item.containsKey("hashAttribute") ? item.get("hashAttribute").s() : null,
                item.containsKey("bucket") ? Double.valueOf(item.get("bucket").n()) : null,
                Instant.parse(item.get("exposedAt").s())));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
