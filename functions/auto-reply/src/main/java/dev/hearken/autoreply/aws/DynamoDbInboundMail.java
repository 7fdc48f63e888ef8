package dev.hearken.autoreply.aws;

import dev.hearken.reply.InboundMail;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The {@code inbound-mail} table ({@link InboundMail} is the item contract): a consistent read of one
 * message, and the two updates auto-reply is allowed to make — the {@code autoRepliedAt} mark
 * (conditional: only once, only on an existing item) and the {@code attention} flag for a person.
 */
public final class DynamoDbInboundMail {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbInboundMail(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** The message, or empty when the table has no item with this id. */
    public Optional<InboundMail> read(String messageId) {
        var response = dynamo.getItem(b -> b.tableName(table).key(key(messageId)).consistentRead(true));
        if (!response.hasItem() || response.item().isEmpty()) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = response.item();
        Map<String, String> headers = new LinkedHashMap<>();
        AttributeValue h = item.get("headers");
        if (h != null && h.hasM()) {
            h.m().forEach((name, value) -> {
                if (value.s() != null) {
                    headers.put(name, value.s());
                }
            });
        }
        List<String> flags = new ArrayList<>();
        AttributeValue f = item.get("flags");
        if (f != null && f.hasL()) {
            f.l().forEach(v -> {
                if (v.s() != null) {
                    flags.add(v.s());
                }
            });
        } else if (f != null && f.hasSs()) {
            flags.addAll(f.ss());
        }
        AttributeValue expires = item.get("expiresAt");
        return Optional.of(new InboundMail(messageId, s(item, "fromAddress"), s(item, "fromName"), s(item, "subject"),
                s(item, "rfcMessageId"), s(item, "references"), s(item, "receivedAt"), s(item, "caseNumber"),
                s(item, "language"), s(item, "locale"), s(item, "app"), headers, flags, s(item, "status"),
                s(item, "humanRepliedAt"), s(item, "autoRepliedAt"),
                expires == null || expires.n() == null ? 0 : Long.parseLong(expires.n())));
    }

    /** Sets {@code autoRepliedAt} and {@code autoReplyId} once; {@code false} when already set or the item is gone. */
    public boolean markAutoReplied(String messageId, String providerMessageId, Instant at) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key(messageId))
                    .updateExpression("SET autoRepliedAt = :at, autoReplyId = :id")
                    .conditionExpression("attribute_exists(messageId) AND attribute_not_exists(autoRepliedAt)")
                    .expressionAttributeValues(Map.of(
                            ":at", AttributeValue.fromS(at.toString()),
                            ":id", AttributeValue.fromS(providerMessageId == null ? "" : providerMessageId))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** Sets {@code attention} (why a person must look) and {@code attentionAt} on an existing item. */
    public void flagForPerson(String messageId, String reason, Instant at) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key(messageId))
                    .updateExpression("SET attention = :reason, attentionAt = :at")
                    .conditionExpression("attribute_exists(messageId)")
                    .expressionAttributeValues(Map.of(
                            ":reason", AttributeValue.fromS(reason),
                            ":at", AttributeValue.fromS(at.toString()))));
        } catch (ConditionalCheckFailedException e) {
            // The item expired or was deleted meanwhile: there is nothing left to flag.
        }
    }

    private static String s(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || v.s() == null || v.s().isEmpty() ? null : v.s();
    }

    private static Map<String, AttributeValue> key(String messageId) {
        return Map.of("messageId", AttributeValue.fromS(messageId));
    }
}
