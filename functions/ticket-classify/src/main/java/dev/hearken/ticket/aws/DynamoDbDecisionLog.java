package dev.hearken.ticket.aws;

import dev.hearken.aws.config.TableNames;
import dev.hearken.ticket.config.TicketSettings;
import dev.hearken.ticket.domain.Decision;
import dev.hearken.ticket.domain.DecisionLog;
import dev.hearken.ticket.domain.Flag;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The decision log in the {@code ticket-decisions} table: partition {@code ticketId}, sort
 * {@code eventKey}; items expire at {@code expiresAt} (TTL). The item {@code (ticketId, "auto-reply")}
 * records the one auto-reply request a ticket may ever get.
 */
@ApplicationScoped
public class DynamoDbDecisionLog implements DecisionLog {

    /** Sort key of the per-ticket auto-reply marker; real event keys never look like this. */
    static final String REPLY_MARKER = "auto-reply";

    private final DynamoDbClient dynamo;
    private final String table;
    private final TicketSettings settings;
    private final Clock clock;

    DynamoDbDecisionLog(DynamoDbClient dynamo, TableNames tables, TicketSettings settings, Clock clock) {
        this.dynamo = dynamo;
        this.table = tables.ticketDecisions();
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Stage stage(long ticketId, String eventKey) {
        var item = dynamo.getItem(b -> b.tableName(table).consistentRead(true).key(key(ticketId, eventKey))
                .projectionExpression("stage"));
        if (!item.hasItem() || !item.item().containsKey("stage")) {
            return Stage.NONE;
        }
        return Stage.valueOf(item.item().get("stage").s());
    }

    @Override
    public void decided(Decision d) {
        Map<String, AttributeValue> item = new HashMap<>(key(d.ticketId(), d.eventKey()));
        item.put("stage", s(Stage.DECIDED.name()));
        put(item, "ticketVersion", d.ticketVersion());
        put(item, "language", d.language());
        put(item, "intent", d.intent());
        item.put("intentConfidence", n(d.intentConfidence()));
        item.put("spamScore", n(d.spamScore()));
        item.put("sentiment", n(d.sentiment()));
        item.put("flags", list(d.flags().stream().map(Flag::label).sorted().toList()));
        put(item, "ruleId", d.route().ruleId());
        if (d.route().groupId() != null) {
            item.put("groupId", AttributeValue.fromN(d.route().groupId().toString()));
        }
        item.put("tags", list(d.route().tags()));
        put(item, "priority", d.route().priority());
        item.put("spam", AttributeValue.fromBool(d.route().spam()));
        item.put("autoReply", AttributeValue.fromBool(d.autoReply()));
        put(item, "replyReason", d.replyReason());
        item.put("reasons", list(d.reasons()));
        put(item, "modelVersion", d.modelVersion());
        item.put("decidedAt", s(d.decidedAt().toString()));
        item.put("expiresAt", AttributeValue.fromN(Long.toString(
                d.decidedAt().plus(settings.decisionRetention()).getEpochSecond())));
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    @Override
    public void updated(long ticketId, String eventKey) {
        setStage(ticketId, eventKey, Stage.UPDATED);
    }

    @Override
    public void done(long ticketId, String eventKey) {
        setStage(ticketId, eventKey, Stage.DONE);
    }

    @Override
    public boolean replyRequested(long ticketId) {
        return dynamo.getItem(b -> b.tableName(table).consistentRead(true).key(key(ticketId, REPLY_MARKER))).hasItem();
    }

    @Override
    public void replyRequestedNow(long ticketId, String eventKey) {
        Map<String, AttributeValue> item = new HashMap<>(key(ticketId, REPLY_MARKER));
        item.put("requestedBy", s(eventKey));
        item.put("requestedAt", s(clock.instant().toString()));
        item.put("expiresAt", AttributeValue.fromN(Long.toString(
                clock.instant().plus(settings.decisionRetention()).getEpochSecond())));
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    private void setStage(long ticketId, String eventKey, Stage stage) {
        dynamo.updateItem(b -> b.tableName(table).key(key(ticketId, eventKey))
                .updateExpression("SET #stage = :stage, #at = :at")
                .expressionAttributeNames(Map.of("#stage", "stage", "#at", "stageAt"))
                .expressionAttributeValues(Map.of(":stage", s(stage.name()), ":at", s(clock.instant().toString()))));
    }

    private static Map<String, AttributeValue> key(long ticketId, String eventKey) {
        return Map.of("ticketId", s(Long.toString(ticketId)), "eventKey", s(eventKey));
    }

    private static void put(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, s(value));
        }
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(double value) {
        return AttributeValue.fromN(String.format(java.util.Locale.ROOT, "%.4f", value));
    }

    private static AttributeValue list(List<String> values) {
        return AttributeValue.fromL(values.stream().map(AttributeValue::fromS).toList());
    }
}
