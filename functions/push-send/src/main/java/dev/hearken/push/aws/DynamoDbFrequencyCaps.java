package dev.hearken.push.aws;

import static dev.hearken.push.aws.Items.n;
import static dev.hearken.push.aws.Items.s;

import dev.hearken.push.domain.CapLimits;
import dev.hearken.push.domain.CapWindow;
import dev.hearken.push.message.Priority;
import dev.hearken.push.port.FrequencyCaps;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Frequency caps as DynamoDB counters, one item per (user, window) in {@code push-caps}
 * ({@code userId}, {@code window}, {@code count}, {@code expiresAt} TTL).
 *
 * <p>One {@code TransactWriteItems} increments the day and the week counter, each under the condition
 * {@code count < limit} (none for transactional), and marks the message's ledger item
 * {@code capTaken} under the condition that it is not marked yet. All succeed or none does, so
 * concurrent workers can never push a counter past its limit and a retried message is never counted
 * twice (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/transaction-apis.html).
 * A transaction that loses a race (TransactionConflict) is retried.
 */
public final class DynamoDbFrequencyCaps implements FrequencyCaps {

    private static final int ATTEMPTS = 5;

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
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().update(u -> u.tableName(ledgerTable)
                .key(Map.of("idempotencyKey", s(idempotencyKey)))
                .updateExpression("SET capTaken = :t")
                .conditionExpression("attribute_not_exists(capTaken)")
                .expressionAttributeValues(Map.of(":t", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromBool(true))))
                .build());
        for (CapWindow window : windows) {
            OptionalInt limit = limits.limit(priority, window.kind());
            writes.add(TransactWriteItem.builder().update(u -> {
                u.tableName(capsTable)
                        .key(Map.of("userId", s(userId), "window", s(window.key())))
                        .updateExpression("ADD #c :one SET expiresAt = :exp")
                        .expressionAttributeNames(Map.of("#c", "count"));
                if (limit.isPresent()) {
                    u.conditionExpression("attribute_not_exists(#c) OR #c < :limit")
                            .expressionAttributeValues(Map.of(":one", n(1), ":exp", n(window.expiresAt().getEpochSecond()),
                                    ":limit", n(limit.getAsInt())));
                } else {
                    u.expressionAttributeValues(Map.of(":one", n(1), ":exp", n(window.expiresAt().getEpochSecond())));
                }
            }).build());
        }
        for (int attempt = 1; ; attempt++) {
            try {
                dynamo.transactWriteItems(b -> b.transactItems(writes));
                return null;
            } catch (TransactionCanceledException e) {
                List<CancellationReason> reasons = e.cancellationReasons();
                if (failed(reasons, 0)) {
                    return null; // this message's slot was taken by an earlier attempt
                }
                for (int i = 0; i < windows.size(); i++) {
                    if (failed(reasons, i + 1)) {
                        return windows.get(i);
                    }
                }
                if (attempt >= ATTEMPTS) {
                    throw e; // conflicts only, and still losing: let SQS retry the message
                }
                sleep(attempt);
            }
        }
    }

    private static boolean failed(List<CancellationReason> reasons, int index) {
        return reasons != null && reasons.size() > index
                && "ConditionalCheckFailed".equals(reasons.get(index).code());
    }

    private static void sleep(int attempt) {
        try {
            Thread.sleep(10L * attempt + (long) (Math.random() * 20));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
