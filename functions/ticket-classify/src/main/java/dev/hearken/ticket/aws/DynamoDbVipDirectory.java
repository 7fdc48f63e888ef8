package dev.hearken.ticket.aws;

import dev.hearken.aws.config.TableNames;
import dev.hearken.ticket.domain.Requester;
import dev.hearken.ticket.domain.VipDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * VIPs in the {@code vip} table (seeded from {@code infra/seed/tables/vip.json}), one item per
 * {@code vipKey}: {@code user:<zendesk user id>}, {@code email:<lower-case address>} or
 * {@code org:<zendesk organization id>}. One BatchGetItem per ticket.
 */
@ApplicationScoped
public class DynamoDbVipDirectory implements VipDirectory {

    private final DynamoDbClient dynamo;
    private final String table;

    DynamoDbVipDirectory(DynamoDbClient dynamo, TableNames tables) {
        this.dynamo = dynamo;
        this.table = tables.vip();
    }

    @Override
    public boolean isVip(Requester requester, Long organizationId) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        keys.add(key("user:" + requester.id()));
        if (requester.email() != null && !requester.email().isBlank()) {
            keys.add(key("email:" + requester.email().trim().toLowerCase(Locale.ROOT)));
        }
        if (organizationId != null) {
            keys.add(key("org:" + organizationId));
        }
        var response = dynamo.batchGetItem(b -> b.requestItems(Map.of(table,
                KeysAndAttributes.builder().keys(keys).projectionExpression("vipKey").build())));
        return !response.responses().getOrDefault(table, List.of()).isEmpty();
    }

    private static Map<String, AttributeValue> key(String vipKey) {
        return Map.of("vipKey", AttributeValue.fromS(vipKey));
    }
}
