package dev.hearken.review.aws;

import dev.hearken.review.ingest.ImpactCounter;
import dev.hearken.review.insight.ImpactQuery;
import dev.hearken.review.insight.ImpactReport;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Bug-impact counters on the {@code review-impact} table. Partition {@code impactKey} = {@code app#topic}; sort
 * {@code sk} = {@code C#<day>#<version>} for a counter ({@code users}), {@code M#<day>#<version>#<reviewer>}
 * for the marker that says a reviewer is already counted there.
 *
 * <p>Counting is one transaction — put the marker if absent, add 1 to the counter — so a counter never drifts
 * from its markers: a re-delivery fails the marker's condition and adds nothing, a crash adds nothing half-way
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/transaction-apis.html). Markers expire
 * ({@code expiresAt}); the counters stay.
 */
public final class DynamoDbImpactCounter implements ImpactCounter, ImpactQuery {

    private final DynamoDbClient dynamo;
    private final String table;
    private final Duration markerRetention;
    private final Clock clock;

    public DynamoDbImpactCounter(DynamoDbClient dynamo, String table, Duration markerRetention, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.markerRetention = markerRetention;
        this.clock = clock;
    }

    @Override
    public boolean count(String appId, String topic, String appVersion, LocalDate day, String reviewer) {
        String key = appId + "#" + topic;
        Map<String, AttributeValue> marker = new HashMap<>();
        marker.put("impactKey", s(key));
        marker.put("sk", s("M#" + day + "#" + appVersion + "#" + reviewer));
        marker.put("expiresAt", AttributeValue.fromN(Long.toString(clock.instant().plus(markerRetention).getEpochSecond())));
        try {
            dynamo.transactWriteItems(b -> b.transactItems(
                    TransactWriteItem.builder().put(p -> p.tableName(table).item(marker)
                            .conditionExpression("attribute_not_exists(sk)")).build(),
                    TransactWriteItem.builder().update(u -> u.tableName(table)
                            .key(Map.of("impactKey", s(key), "sk", s("C#" + day + "#" + appVersion)))
                            .updateExpression("ADD #users :one SET appVersion = :v, #day = :d")
                            .expressionAttributeNames(Map.of("#users", "users", "#day", "day"))
                            .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"),
                                    ":v", s(appVersion), ":d", s(day.toString())))).build()));
            return true;
        } catch (TransactionCanceledException e) {
            if (e.hasCancellationReasons() && !e.cancellationReasons().isEmpty()
                    && "ConditionalCheckFailed".equals(e.cancellationReasons().get(0).code())) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public ImpactReport since(String appId, String topic, LocalDate since) {
        List<ImpactReport.Bucket> buckets = new ArrayList<>();
        long total = 0;
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = dynamo.query(QueryRequest.builder().tableName(table)
                    .keyConditionExpression("impactKey = :k AND sk BETWEEN :from AND :to")
                    .expressionAttributeValues(Map.of(":k", s(appId + "#" + topic),
                            ":from", s("C#" + since), ":to", s("C#~")))
                    .exclusiveStartKey(from)
                    .build());
            for (Map<String, AttributeValue> item : page.items()) {
                long users = Long.parseLong(item.get("users").n());
                buckets.add(new ImpactReport.Bucket(item.get("appVersion").s(), LocalDate.parse(item.get("day").s()), users));
                total += users;
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return new ImpactReport(appId, topic, since, total, buckets);
    }

    private static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }
}
