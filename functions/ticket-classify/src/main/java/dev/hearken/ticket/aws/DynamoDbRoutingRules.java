package dev.hearken.ticket.aws;

import dev.hearken.aws.config.TableNames;
import dev.hearken.ticket.config.TicketSettings;
import dev.hearken.ticket.domain.RoutingRule;
import dev.hearken.ticket.domain.RoutingRules;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Routing rules from the {@code routing-rules} table (seeded from the versioned
 * {@code infra/seed/tables/routing-rules.json}), scanned once and cached for
 * {@code hearken.tickets.rules-cache-ttl}: a handful of items read by every ticket.
 */
@ApplicationScoped
public class DynamoDbRoutingRules implements RoutingRules {

    private record Cached(List<RoutingRule> rules, Instant readAt) {}

    private final DynamoDbClient dynamo;
    private final String table;
    private final TicketSettings settings;
    private final Clock clock = Clock.systemUTC();
    private volatile Cached cached;

    DynamoDbRoutingRules(DynamoDbClient dynamo, TableNames tables, TicketSettings settings) {
        this.dynamo = dynamo;
        this.table = tables.routingRules();
        this.settings = settings;
    }

    @Override
    public List<RoutingRule> all() {
        Cached c = cached;
        if (c == null || c.readAt().plus(settings.rulesCacheTtl()).isBefore(clock.instant())) {
            c = new Cached(read(), clock.instant());
            cached = c;
        }
        return c.rules();
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
