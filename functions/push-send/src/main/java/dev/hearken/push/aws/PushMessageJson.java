package dev.hearken.push.aws;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.push.message.ChannelPreference;
import dev.hearken.push.message.InvalidPushMessageException;
import dev.hearken.push.message.Priority;
import dev.hearken.push.message.PushMessage;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.stream.Collectors;

/** {@link PushMessage} ⇄ the JSON body documented on the record. */
public final class PushMessageJson {

    private PushMessageJson() {}

    /**
     * The body as JSON has it: every field a string (a JSON number or boolean is read as its text), {@code data}
     * an object of strings, unknown fields ignored so the format can grow. {@link PushMessage} checks the rest.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Body(String userId, String program, String priority, String template, Map<String, String> data,
            String channel, String notBefore, String idempotencyKey) {

        static Body of(PushMessage m) {
            return new Body(m.userId(), m.program(), m.priority().wireName(), m.template(), m.data(),
                    m.channel().wireName(), m.notBefore() == null ? null : m.notBefore().toString(), m.idempotencyKey());
        }

        PushMessage message() {
            if (data != null) {
                data.forEach((key, value) -> {
                    if (value == null) {
                        throw new InvalidPushMessageException("data." + key, "must be a string");
                    }
                });
            }
            return new PushMessage(userId, program, Priority.parse(priority), template, data,
                    ChannelPreference.parse(channel), instant(notBefore), idempotencyKey);
        }

        private static Instant instant(String text) {
            try {
                return text == null ? null : Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw new InvalidPushMessageException("notBefore", "must be an ISO-8601 instant");
            }
        }
    }

    /** Parses an SQS body; a malformed body or field is an {@link InvalidPushMessageException}. */
    public static PushMessage read(ObjectMapper json, String body) {
        Body bound;
        try {
            bound = json.readValue(body == null ? "" : body, Body.class);
        } catch (JsonParseException e) {
            throw new InvalidPushMessageException("body", "is not valid JSON");
        } catch (JsonProcessingException e) {
            throw refusal(e);
        }
        if (bound == null) {
            throw new InvalidPushMessageException("body", "must be a JSON object");
        }
        return bound.message();
    }

    public static String write(ObjectMapper json, PushMessage m) {
        try {
            return json.writeValueAsString(Body.of(m));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("push message not serialisable", e);
        }
    }

    /** A body that is JSON but not of this shape: the field it failed at, never the value (it may be personal). */
    private static InvalidPushMessageException refusal(JsonProcessingException e) {
        String field = e instanceof JsonMappingException mapping ? mapping.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : Integer.toString(ref.getIndex()))
                .collect(Collectors.joining(".")) : "";
        if (field.isEmpty()) {
            return new InvalidPushMessageException("body", "must be a JSON object");
        }
        return new InvalidPushMessageException(field, field.equals("data") ? "must be an object of strings" : "must be a string");
    }
}
