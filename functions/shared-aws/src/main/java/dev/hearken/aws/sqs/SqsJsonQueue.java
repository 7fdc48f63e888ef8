package dev.hearken.aws.sqs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * Sends one JSON document per SQS message, with string message attributes that let an operator read a DLQ entry
 * without opening its body. The type must be registered for reflection by the function that sends it.
 *
 * @param <T> the message type (a record)
 */
public final class SqsJsonQueue<T> {

    private final SqsClient sqs;
    private final Supplier<String> queueUrl;
    private final ObjectMapper json;
    private final Function<T, Map<String, String>> attributes;

    /** {@code attributes} names the message attributes of a message; {@code null} values are left out. */
    public SqsJsonQueue(SqsClient sqs, Supplier<String> queueUrl, ObjectMapper json,
            Function<T, Map<String, String>> attributes) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.json = json;
        this.attributes = attributes;
    }

    /** Sends {@code message}; returns the SQS message id. */
    public String send(T message) {
        String body;
        try {
            body = json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(message.getClass().getSimpleName() + " is not serialisable", e);
        }
        Map<String, MessageAttributeValue> values = new LinkedHashMap<>();
        attributes.apply(message).forEach((name, value) -> {
            if (value != null) {
                values.put(name, MessageAttributeValue.builder().dataType("String").stringValue(value).build());
            }
        });
        return sqs.sendMessage(b -> b.queueUrl(queueUrl.get()).messageBody(body).messageAttributes(values))
                .messageId();
    }
}
