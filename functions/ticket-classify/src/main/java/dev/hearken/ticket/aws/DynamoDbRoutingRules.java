package dev.hearken.ticket.aws;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.hearken.aws.config.TableNames;
import dev.hearken.ticket.config.TicketSettings;
import dev.hearken.ticket.domain.RoutingRule;
import dev.hearken.ticket.domain.RoutingRules;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Routing rules from the {@code routing-rules} table (seeded from the versioned
 * {@code infra/seed/tables/routing-rules.json}, changed by operators through {@code /admin/routing-rules}), scanned
 * once and cached (Caffeine) for {@code hearken.tickets.rules-cache-ttl}: a handful of items read by every ticket.
 * An operator's change therefore reaches a warm worker within that TTL (60 s by default); a cold one reads it at
 * once.
 */
@ApplicationScoped
public class DynamoDbRoutingRules implements RoutingRules {

    private final DynamoDbClient dynamo;
    private final String table;
    private final LoadingCache<String, List<RoutingRule>> cache;

    DynamoDbRoutingRules(DynamoDbClient dynamo, TableNames tables, TicketSettings settings) {
        this.dynamo = dynamo;
        this.table = tables.routingRules();
        this.cache = Caffeine.newBuilder().expireAfterWrite(settings.rulesCacheTtl()).maximumSize(1)
                .build(t -> read());
    }

    @Override
    public List<RoutingRule> all() {
        return cache.get(table);
    }

    private List<RoutingRule> read() {
        List<RoutingRule> rules = new ArrayList<>();
        for (Map<String, AttributeValue> item : dynamo.scanPaginator(b -> b.tableName(table)).items()) {
            rules.add(rule(item));
        }
        return List.copyOf(rules);
    }

    /** The rule an item holds, as the worker reads it: absent lists are empty, an absent order sorts last. */
    public static RoutingRule rule(Map<String, AttributeValue> item) {
        return new RoutingRule(
                item.get("ruleId").s(),
                item.containsKey("order") ? Integer.parseInt(item.get("order").n()) : Integer.MAX_VALUE,
                string(item, "flag"),
                strings(item, "intents"),
                strings(item, "languages"),
                strings(item, "channels"),
                item.containsKey("groupId") && item.get("groupId").n() != null ? Long.parseLong(item.get("groupId").n()) : null,
                strings(item, "tags"),
                string(item, "priority"),
                item.containsKey("autoReply") && Boolean.TRUE.equals(item.get("autoReply").bool()));
    }

    /**
     * The item of a rule, in the shape {@link #rule} reads and the shipped defaults have: lists of strings, absent
     * when empty; {@code flag}, {@code groupId}, {@code priority} and {@code note} absent when not set.
     *
     * @param note what the rule is for, for people (the router does not read it), or {@code null}
     */
    public static Map<String, AttributeValue> item(RoutingRule rule, String note) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("ruleId", AttributeValue.fromS(rule.ruleId()));
        item.put("order", AttributeValue.fromN(Integer.toString(rule.order())));
        putString(item, "flag", rule.flag());
        putList(item, "intents", rule.intents());
        putList(item, "languages", rule.languages());
        putList(item, "channels", rule.channels());
        if (rule.groupId() != null) {
            item.put("groupId", AttributeValue.fromN(rule.groupId().toString()));
        }
        putList(item, "tags", rule.tags());
        putString(item, "priority", rule.priority());
        item.put("autoReply", AttributeValue.fromBool(rule.autoReply()));
        putString(item, "note", note);
        return item;
    }

    private static void putString(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, AttributeValue.fromS(value));
        }
    }

    private static void putList(Map<String, AttributeValue> item, String name, List<String> values) {
        if (!values.isEmpty()) {
            item.put(name, AttributeValue.fromL(values.stream().map(AttributeValue::fromS).toList()));
        }
    }

    private static String string(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }

    private static List<String> strings(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        if (v == null) {
            return List.of();
        }
        if (v.hasSs()) {
            return v.ss();
        }
        return v.hasL() ? v.l().stream().map(AttributeValue::s).toList() : List.of();
    }
}
