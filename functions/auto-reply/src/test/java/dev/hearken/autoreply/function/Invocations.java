package dev.hearken.autoreply.function;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import dev.hearken.autoreply.AutoReplyResource;
import dev.hearken.testing.aws.Emulator;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.core.ConditionTimeoutException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;

/** Posting SQS events to the Lambda mock event server and reading what the function left behind. */
final class Invocations {

    private Invocations() {}

    /** Posts an SQS event; returns the function's answer ({@code batchItemFailures}). */
    static JsonPath invoke(String event) {
        return given().contentType("application/json").body(event)
                .when().post()
                .then().statusCode(200)
                .extract().jsonPath();
    }

    /** A one-record SQS event around {@code body}. */
    static String sqsEvent(String messageId, String receiptHandle, String body) {
        return """
                {"Records":[{"messageId":"%s","receiptHandle":"%s","body":%s,
                  "attributes":{"ApproximateReceiveCount":"1"},"messageAttributes":{},
                  "eventSource":"aws:sqs","eventSourceARN":"arn:aws:sqs:us-east-1:123456789012:hearken-auto-reply",
                  "awsRegion":"us-east-1"}]}""".formatted(messageId, receiptHandle, quote(body));
    }

    /** An {@code AutoReplyRequest} body. */
    static String request(String source, String itemId, String language, String locale, String intent) {
        return ("{\"version\":1,\"requestId\":\"%s:%s\",\"source\":\"%s\",\"itemId\":\"%s\",\"language\":\"%s\","
                + "\"locale\":%s,\"intent\":\"%s\",\"intentConfidence\":0.9,\"decidedAt\":\"2026-03-02T10:30:05Z\","
                + "\"modelVersion\":\"v1\"}").formatted(source, itemId, source, itemId, language,
                locale == null ? "null" : "\"" + locale + "\"", intent);
    }

    /** The ledger item of a request, or an empty map. */
    static Map<String, AttributeValue> ledger(String requestId) {
        return item(AutoReplyResource.REPLIES, Map.of("requestId", AttributeValue.fromS(requestId)));
    }

    /** An item of any table, or an empty map. */
    static Map<String, AttributeValue> item(String table, Map<String, AttributeValue> key) {
        var item = Emulator.shared().dynamo().getItem(b -> b.tableName(table).consistentRead(true).key(key));
        return item.hasItem() ? item.item() : Map.of();
    }

    /** A string attribute of a ledger item, or {@code null}. */
    static String ledger(String requestId, String attribute) {
        AttributeValue v = ledger(requestId).get(attribute);
        return v == null ? null : v.s();
    }

    /**
     * The DLQ message whose body is {@code body}, or {@code null} after {@code patience}. Received with a
     * one-second visibility so other tests can see the rest again; keeps polling because another test
     * may hold it invisible for a while.
     */
    static Message deadLetter(String body, Duration patience) {
        AtomicReference<Message> found = new AtomicReference<>();
        try {
            await().atMost(patience).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(200)).until(() -> {
                List<Message> messages = Emulator.shared().sqs().receiveMessage(b -> b.queueUrl(AutoReplyResource.dlqUrl())
                        .messageAttributeNames("All").waitTimeSeconds(1).maxNumberOfMessages(10).visibilityTimeout(1))
                        .messages();
                messages.stream().filter(m -> m.body().equals(body)).findFirst().ifPresent(found::set);
                return found.get() != null;
            });
        } catch (ConditionTimeoutException notThere) {
            return null;
        }
        return found.get();
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
