package dev.hearken.push.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearken.push.message.ChannelPreference;
import dev.hearken.push.message.InvalidPushMessageException;
import dev.hearken.push.message.Priority;
import dev.hearken.push.message.PushMessage;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@link PushMessage} ⇄ the JSON body documented on the record. */
public final class PushMessageJson {

    private PushMessageJson() {}

    /** Parses an SQS body; a malformed body or field is an {@link InvalidPushMessageException}. */
    public static PushMessage read(ObjectMapper json, String body) {
        JsonNode node;
        try {
            node = json.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            throw new InvalidPushMessageException("body", "is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw new InvalidPushMessageException("body", "must be a JSON object");
        }
        Map<String, String> data = new LinkedHashMap<>();
        JsonNode d = node.path("data");
        if (!d.isMissingNode() && !d.isNull()) {
            if (!d.isObject()) {
                throw new InvalidPushMessageException("data", "must be an object of strings");
            }
            d.fields().forEachRemaining(f -> {
                if (!f.getValue().isValueNode() || f.getValue().isNull()) {
                    throw new InvalidPushMessageException("data." + f.getKey(), "must be a string");
                }
                data.put(f.getKey(), f.getValue().asText());
            });
        }
        Instant notBefore = null;
        String nb = text(node, "notBefore");
        if (nb != null) {
            try {
                notBefore = Instant.parse(nb);
            } catch (DateTimeParseException e) {
                throw new InvalidPushMessageException("notBefore", "must be an ISO-8601 instant");
            }
        }
        return new PushMessage(text(node, "userId"), text(node, "program"), Priority.parse(text(node, "priority")),
                text(node, "template"), data, ChannelPreference.parse(text(node, "channel")), notBefore,
                text(node, "idempotencyKey"));
    }

    public static String write(ObjectMapper json, PushMessage m) {
        ObjectNode node = json.createObjectNode();
        node.put("userId", m.userId());
        node.put("program", m.program());
        node.put("priority", m.priority().wireName());
        node.put("template", m.template());
        ObjectNode data = node.putObject("data");
        m.data().forEach(data::put);
        node.put("channel", m.channel().wireName());
        if (m.notBefore() != null) {
            node.put("notBefore", m.notBefore().toString());
        }
        node.put("idempotencyKey", m.idempotencyKey());
        return node.toString();
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
