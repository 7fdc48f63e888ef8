package dev.hearken.aws.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The audit table ({@code hearken-audit}): one item per change, partition {@code entity} ({@code <kind>#<id>}),
 * sort {@code at} ({@code <ISO instant>#<version>#<action>}, so that two changes in the same millisecond stay two),
 * with
 * the author, the action and the item before and after as JSON. Items expire (TTL {@code expiresAt}) after
 * {@value #RETENTION_DAYS} days; the index {@value #BY_DAY_INDEX} ({@code day}, {@code at}) lists what changed on
 * a day across every kind.
 *
 * <p>Entries are written by {@link VersionedItems} in the same transaction as the change itself, so an audited
 * change cannot land without its entry, nor an entry without its change.
 */
public final class AuditTrail {

    /** How long entries are kept: 400 days, longer than a year so that a yearly review still sees last year. */
    public static final int RETENTION_DAYS = 400;
    /** The index by day of the change. */
    public static final String BY_DAY_INDEX = "byDay";

    /** Instants with a fixed-width fraction: {@code Instant.toString()} drops zero digits and would not sort. */
    private static final java.time.format.DateTimeFormatter SORTABLE = java.time.format.DateTimeFormatter
            .ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    private final DynamoDbClient dynamo;
    private final String table;
    private final ObjectMapper json;
    private final Clock clock;

    public AuditTrail(DynamoDbClient dynamo, String table, ObjectMapper json, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.json = json;
        this.clock = clock;
    }

    /** The current time, as every audited write stamps it. */
    Instant now() {
        return clock.instant();
    }

    /** The put of one entry, to join the change's transaction. */
    Put entry(String entity, Instant at, String author, String action, long version,
            Map<String, AttributeValue> before, Map<String, AttributeValue> after) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("entity", AttributeValue.fromS(entity));
        item.put("at", AttributeValue.fromS(SORTABLE.format(at) + "#" + String.format("%012d", version) + "#" + action));
        item.put("day", AttributeValue.fromS(at.atZone(ZoneOffset.UTC).toLocalDate().toString()));
        item.put("author", AttributeValue.fromS(author));
        item.put("action", AttributeValue.fromS(action));
        item.put("version", AttributeValue.fromN(Long.toString(version)));
        if (before != null) {
            item.put("before", AttributeValue.fromS(text(AttributeJson.json(before))));
        }
        if (after != null) {
            item.put("after", AttributeValue.fromS(text(AttributeJson.json(after))));
        }
        item.put("expiresAt", AttributeValue.fromN(Long.toString(
                at.plus(Duration.ofDays(RETENTION_DAYS)).getEpochSecond())));
        // The same change is never audited twice: a retried transaction with the same sort key is refused.
        return Put.builder().tableName(table).item(item)
                .conditionExpression("attribute_not_exists(entity)").build();
    }

    /** The history of one object, newest first, at most {@code limit} entries. */
    public List<AuditEntry> history(String entity, int limit) {
        QueryResponse page = dynamo.query(b -> b.tableName(table)
                .keyConditionExpression("entity = :e")
                .expressionAttributeValues(Map.of(":e", AttributeValue.fromS(entity)))
                .scanIndexForward(false)
                .limit(limit));
        return entries(page.items());
    }

    /** What changed on {@code day} (UTC, {@code 2026-12-07}), newest first, at most {@code limit} entries. */
    public List<AuditEntry> day(String day, int limit) {
        QueryResponse page = dynamo.query(b -> b.tableName(table).indexName(BY_DAY_INDEX)
                .keyConditionExpression("#d = :d")
                .expressionAttributeNames(Map.of("#d", "day"))
                .expressionAttributeValues(Map.of(":d", AttributeValue.fromS(day)))
                .scanIndexForward(false)
                .limit(limit));
        return entries(page.items());
    }

    private List<AuditEntry> entries(List<Map<String, AttributeValue>> items) {
        List<AuditEntry> entries = new ArrayList<>();
        for (Map<String, AttributeValue> item : items) {
            String at = item.get("at").s();
            entries.add(new AuditEntry(item.get("entity").s(), Instant.parse(at.substring(0, at.indexOf('#'))),
                    item.get("author").s(), item.get("action").s(), Long.parseLong(item.get("version").n()),
                    tree(item.get("before")), tree(item.get("after"))));
        }
        return entries;
    }

    private String text(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an item always serialises", e);
        }
    }

    private JsonNode tree(AttributeValue value) {
        if (value == null) {
            return null;
        }
        try {
            return json.readTree(value.s());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit entry holds invalid JSON", e);
        }
    }
}
