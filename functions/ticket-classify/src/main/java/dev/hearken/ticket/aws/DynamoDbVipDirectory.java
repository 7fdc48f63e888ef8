package dev.hearken.ticket.aws;

import dev.hearken.aws.config.TableNames;
import dev.hearken.ticket.domain.Requester;
import dev.hearken.ticket.domain.VipDirectory;
import dev.hearken.ticket.domain.VipKey;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * VIPs in the {@code vip} table (seeded from {@code infra/seed/tables/vip.json}), one item per
 * {@code vipKey}: {@code user:<zendesk user id>}, {@code email:<lower-case address>} or
 * {@code org:<zendesk organization id>} ({@link VipKey}, which the operator API checks keys against). One
 * BatchGetItem per ticket.
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
        keys.add(key(VipKey.user(requester.id())));
        if (requester.email() != null && !requester.email().isBlank()) {
            keys.add(key(VipKey.email(requester.email())));
        }
        if (organizationId != null) {
            keys.add(key(VipKey.organization(organizationId)));
        }
        var response = dynamo.batchGetItem(b -> b.requestItems(Map.of(table,
                KeysAndAttributes.builder().keys(keys).projectionExpression("vipKey").build())));
        return !response.responses().getOrDefault(table, List.of()).isEmpty();
    }

    /**
     * The item of a VIP entry, in the shape {@link #isVip} looks up: the key (checked with {@link VipKey#check}) and
     * an optional note for people.
     */
    public static Map<String, AttributeValue> item(String vipKey, String note) {
        Map<String, AttributeValue> item = new HashMap<>(key(vipKey));
        if (note != null) {
            item.put("note", AttributeValue.fromS(note));
        }
        return item;
    }

    private static Map<String, AttributeValue> key(String vipKey) {
        return Map.of("vipKey", AttributeValue.fromS(vipKey));
    }
}
