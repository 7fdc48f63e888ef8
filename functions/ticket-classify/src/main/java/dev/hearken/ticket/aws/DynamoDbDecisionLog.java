package dev.hearken.ticket.aws;

import dev.hearken.aws.config.TableNames;
import dev.hearken.ticket.config.TicketSettings;
import dev.hearken.ticket.domain.Decision;
import dev.hearken.ticket.domain.DecisionHistory;
import dev.hearken.ticket.domain.DecisionLog;
import dev.hearken.ticket.domain.Flag;
import dev.hearken.ticket.domain.LoggedDecision;
import dev.hearken.ticket.domain.ReplyRequestMark;
import dev.hearken.ticket.domain.TicketDecisions;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The decision log in the {@code ticket-decisions} table: partition {@code ticketId}, sort
 * {@code eventKey}; items expire at {@code expiresAt} (TTL). The item {@code (ticketId, "auto-reply")}
 * records the one auto-reply request a ticket may ever get. The worker writes it ({@link DecisionLog}); the
 * operator API reads a ticket's partition back ({@link DecisionHistory}).
 */
@ApplicationScoped
public class DynamoDbDecisionLog implements DecisionLog, DecisionHistory {

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
        item.put("languageConfidence", n(d.languageConfidence()));
        put(item, "intent", d.intent());
        item.put("intentConfidence", n(d.intentConfidence()));
        put(item, "intentDetail", d.intentDetail());
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

    /** One Query of the ticket's partition: its decisions and its auto-reply marker. */
    @Override
    public TicketDecisions of(long ticketId) {
        List<LoggedDecision> decisions = new ArrayList<>();
        ReplyRequestMark mark = null;
        for (Map<String, AttributeValue> item : dynamo.queryPaginator(b -> b.tableName(table)
                .keyConditionExpression("ticketId = :t")
                .expressionAttributeValues(Map.of(":t", s(Long.toString(ticketId))))).items()) {
            if (REPLY_MARKER.equals(item.get("eventKey").s())) {
                mark = new ReplyRequestMark(string(item, "requestedBy"), instant(item, "requestedAt"));
            } else {
                decisions.add(logged(item));
            }
        }
        return new TicketDecisions(ticketId, decisions, mark);
    }

    static LoggedDecision logged(Map<String, AttributeValue> item) {
        AttributeValue groupId = item.get("groupId");
        return new LoggedDecision(item.get("eventKey").s(), string(item, "stage"), instant(item, "decidedAt"),
                instant(item, "stageAt"), string(item, "ticketVersion"), string(item, "language"),
                number(item, "languageConfidence"), string(item, "intent"), number(item, "intentConfidence"),
                string(item, "intentDetail"), number(item, "spamScore"), number(item, "sentiment"),
                strings(item, "flags"), string(item, "ruleId"), groupId == null ? null : Long.valueOf(groupId.n()),
                strings(item, "tags"), string(item, "priority"), bool(item, "spam"), bool(item, "autoReply"),
                string(item, "replyReason"), strings(item, "reasons"), string(item, "modelVersion"));
    }

    private static String string(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }

    private static Instant instant(Map<String, AttributeValue> item, String name) {
        String v = string(item, name);
        return v == null ? null : Instant.parse(v);
    }

    private static Double number(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || v.n() == null ? null : Double.valueOf(v.n());
    }

    private static boolean bool(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v != null && Boolean.TRUE.equals(v.bool());
    }

    private static List<String> strings(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || !v.hasL() ? List.of() : v.l().stream().map(AttributeValue::s).toList();
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
