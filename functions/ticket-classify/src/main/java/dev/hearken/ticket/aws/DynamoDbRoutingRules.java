package dev.hearken.ticket.aws;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.hearken.aws.config.TableNames;
import dev.hearken.ticket.config.TicketSettings;
import dev.hearken.ticket.domain.RoutingRule;
import dev.hearken.ticket.domain.RoutingRules;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Routing rules from the {@code routing-rules} table (seeded from the versioned
 * {@code infra/seed/tables/routing-rules.json}), scanned once and cached (Caffeine) for
 * {@code hearken.tickets.rules-cache-ttl}: a handful of items read by every ticket.
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

    static RoutingRule rule(Map<String, AttributeValue> item) {
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
