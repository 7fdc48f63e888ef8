package dev.hearken.experiment.assign.aws;

import static dev.hearken.aws.experiment.DynamoNumbers.d;
import static dev.hearken.aws.experiment.DynamoNumbers.n;

import dev.hearken.aws.experiment.DynamoDbProgramStats;
import dev.hearken.experiment.assign.conversion.AttributedConversion;
import dev.hearken.experiment.assign.conversion.OutcomeEvent;
import dev.hearken.experiment.assign.port.ConversionLedger;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Counts an outcome event exactly once with one DynamoDB transaction
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/transaction-apis.html):
 * <ol>
 *   <li>put the event into {@code conversions} if its id is new ({@code attribute_not_exists});</li>
 *   <li>set the user's running total of the metric, if it is still the value read just before
 *       (optimistic locking: two events of one user must not both square the same old total);</li>
 *   <li>{@code ADD} to the variation's metric counters: events +1, sum +value, sumSquares +(new² − old²),
 *       users +1 for the user's first event;</li>
 *   <li>{@code ADD} to the program's day counter when the event names a program.</li>
 * </ol>
 * All or nothing: a crash between steps cannot count an event twice or lose it, and a redelivered
 * event fails step 1. A cancelled transaction is a duplicate when the event id exists afterwards;
 * otherwise (the user's total moved, or a transaction conflict) it is retried with a fresh read.
 */
public final class DynamoDbConversionLedger implements ConversionLedger {

    private static final Logger LOG = Logger.getLogger(DynamoDbConversionLedger.class);
    private static final int ATTEMPTS = 5;

    /** Partition key of the conversions table. */
    public static final String EVENT_ID = "eventId";

    private final DynamoDbClient dynamo;
    private final String conversions;
    private final String aggregates;
    private final String programStats;
    private final Duration conversionRetention;
    private final Duration userTotalRetention;
    private final Clock clock;

    /**
     * @param conversionRetention how long event ids are kept to drop duplicates
     * @param userTotalRetention  how long per-user totals are kept (as long as exposures)
     */
    public DynamoDbConversionLedger(DynamoDbClient dynamo, String conversions, String aggregates, String programStats,
            Duration conversionRetention, Duration userTotalRetention, Clock clock) {
        this.dynamo = dynamo;
        this.conversions = conversions;
        this.aggregates = aggregates;
        this.programStats = programStats;
        this.conversionRetention = conversionRetention;
        this.userTotalRetention = userTotalRetention;
        this.clock = clock;
    }

    @Override
    public boolean apply(AttributedConversion conversion) {
        OutcomeEvent e = conversion.event();
        for (int attempt = 1; ; attempt++) {
            try {
                dynamo.transactWriteItems(b -> b.transactItems(items(conversion)));
                return true;
            } catch (TransactionCanceledException cancelled) {
                if (recorded(e.eventId())) {
                    return false;
                }
                if (attempt == ATTEMPTS) {
                    throw cancelled;
                }
                LOG.debugf("conversion transaction cancelled (attempt %d), retrying: %s", attempt, cancelled.getMessage());
            }
        }
    }

    private List<TransactWriteItem> items(AttributedConversion conversion) {
        OutcomeEvent e = conversion.event();
        long now = clock.instant().getEpochSecond();
        List<TransactWriteItem> items = new ArrayList<>();

        Map<String, AttributeValue> event = new HashMap<>();
        event.put(EVENT_ID, AttributeValue.fromS(e.eventId()));
        event.put("userId", AttributeValue.fromS(e.userId()));
        event.put("type", AttributeValue.fromS(e.type().wireName()));
        event.put("value", n(e.value()));
        event.put("occurredAt", AttributeValue.fromS(e.occurredAt().toString()));
        event.put("recordedAt", AttributeValue.fromS(clock.instant().toString()));
        event.put("expiresAt", n(now + conversionRetention.toSeconds()));
        if (e.experimentKey() != null) {
            event.put("experimentKey", AttributeValue.fromS(e.experimentKey()));
        }
        if (conversion.forExperiment()) {
            event.put("variationId", n((long) conversion.variationId()));
        }
        if (e.program() != null) {
            event.put("program", AttributeValue.fromS(e.program()));
        }
        items.add(TransactWriteItem.builder().put(Put.builder().tableName(conversions).item(event)
                .conditionExpression("attribute_not_exists(#id)")
                .expressionAttributeNames(Map.of("#id", EVENT_ID)).build()).build());

        if (conversion.forExperiment()) {
            String userSk = DynamoDbExperimentAggregates.userSk(e.type(), e.userId());
            GetItemResponse current = dynamo.getItem(b -> b.tableName(aggregates).consistentRead(true)
                    .key(DynamoDbExperimentAggregates.key(e.experimentKey(), userSk)));
            boolean firstForUser = !current.hasItem();
            double before = firstForUser ? 0 : d(current.item().get("total"));
            double after = before + e.value();

            Update.Builder user = Update.builder().tableName(aggregates)
                    .key(DynamoDbExperimentAggregates.key(e.experimentKey(), userSk))
                    .updateExpression("SET #total = :after, #exp = :exp");
            Map<String, AttributeValue> userValues = new HashMap<>(Map.of(":after", n(after),
                    ":exp", n(now + userTotalRetention.toSeconds())));
            if (firstForUser) {
                user.conditionExpression("attribute_not_exists(#total)");
            } else {
                user.conditionExpression("#total = :before");
                userValues.put(":before", current.item().get("total"));
            }
            items.add(TransactWriteItem.builder().update(user
                    .expressionAttributeNames(Map.of("#total", "total", "#exp", "expiresAt"))
                    .expressionAttributeValues(userValues).build()).build());

            items.add(TransactWriteItem.builder().update(Update.builder().tableName(aggregates)
                    .key(DynamoDbExperimentAggregates.key(e.experimentKey(),
                            DynamoDbExperimentAggregates.metricSk(e.type(), conversion.variationId())))
                    .updateExpression("ADD #users :users, #events :one, #sum :value, #sq :sq")
                    .expressionAttributeNames(Map.of("#users", "users", "#events", "events", "#sum", "sum",
                            "#sq", "sumSquares"))
                    .expressionAttributeValues(Map.of(":users", n(firstForUser ? 1L : 0L), ":one", n(1L),
                            ":value", n(e.value()), ":sq", n(after * after - before * before)))
                    .build()).build());
        }

        if (e.program() != null) {
            items.add(TransactWriteItem.builder().update(Update.builder().tableName(programStats)
                    .key(Map.of(DynamoDbProgramStats.KEY, AttributeValue.fromS(e.program()),
                            DynamoDbProgramStats.SORT_KEY,
                            AttributeValue.fromS(LocalDate.ofInstant(e.occurredAt(), ZoneOffset.UTC).toString())))
                    .updateExpression("ADD #counter :one")
                    .expressionAttributeNames(Map.of("#counter", e.type().wireName()))
                    .expressionAttributeValues(Map.of(":one", n(1L)))
                    .build()).build());
        }
        return items;
    }

    private boolean recorded(String eventId) {
        return dynamo.getItem(b -> b.tableName(conversions).consistentRead(true)
                .key(Map.of(EVENT_ID, AttributeValue.fromS(eventId)))
                .projectionExpression("#id").expressionAttributeNames(Map.of("#id", EVENT_ID))).hasItem();
    }
}
