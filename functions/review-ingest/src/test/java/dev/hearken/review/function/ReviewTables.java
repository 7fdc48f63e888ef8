package dev.hearken.review.function;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearken.testing.aws.Emulator;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;

/** Reads what review-ingest wrote to the emulator, and builds SQS envelopes for it. */
final class ReviewTables {

    static final String REVIEWS = "hearken-reviews";
    static final String IMPACT = "hearken-review-impact";
    static final String AUTO_REPLY = "hearken-auto-reply";
    static final String REVIEW_QUEUE = "hearken-reviews";
    static final String ESCALATIONS = "hearken-review-escalations";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReviewTables() {}

    /** Every version of a review, oldest content first. */
    static List<Map<String, AttributeValue>> versions(String reviewKey) {
        List<Map<String, AttributeValue>> items = new ArrayList<>(Emulator.shared().dynamo().query(b -> b.tableName(REVIEWS)
                .consistentRead(true).keyConditionExpression("reviewKey = :k")
                .expressionAttributeValues(Map.of(":k", AttributeValue.fromS(reviewKey)))).items());
        items.sort(Comparator.comparing(i -> i.get("contentTime").s()));
        return items;
    }

    /** Distinct users counted for (app, topic, version, day), 0 when no counter exists. */
    static long users(String appId, String topic, String version, String day) {
        var item = Emulator.shared().dynamo().getItem(b -> b.tableName(IMPACT).consistentRead(true)
                .key(Map.of("impactKey", AttributeValue.fromS(appId + "#" + topic),
                        "sk", AttributeValue.fromS("C#" + day + "#" + version)))).item();
        return item == null || item.isEmpty() ? 0 : Long.parseLong(item.get("users").n());
    }

    /** The app's escalated reviews on {@code day} and the counter item's attributes, empty when none. */
    static Map<String, AttributeValue> escalations(String appId, String day) {
        var item = Emulator.shared().dynamo().getItem(b -> b.tableName(IMPACT).consistentRead(true)
                .key(Map.of("impactKey", AttributeValue.fromS("escalations#" + appId),
                        "sk", AttributeValue.fromS("C#" + day)))).item();
        return item == null ? Map.of() : item;
    }

    static List<Map<String, AttributeValue>> scan(String table) {
        return Emulator.shared().dynamo().scan(b -> b.tableName(table).consistentRead(true)).items();
    }

    /** Receives and deletes every message on the queue; returns their bodies. */
    static List<String> drain(String queueName) {
        var sqs = Emulator.shared().sqs();
        String url = sqs.getQueueUrl(b -> b.queueName(queueName)).queueUrl();
        List<String> bodies = new ArrayList<>();
        while (true) {
            List<Message> got = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(0)).messages();
            if (got.isEmpty()) {
                return bodies;
            }
            for (Message m : got) {
                bodies.add(m.body());
                sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()));
            }
        }
    }

    /** An SQS event with one record per body, ids {@code <prefix>-1…}. */
    static String sqsEvent(String prefix, String... bodies) {
        ObjectNode event = JSON.createObjectNode();
        ArrayNode records = event.putArray("Records");
        int n = 0;
        for (String body : bodies) {
            ObjectNode r = records.addObject();
            r.put("messageId", prefix + "-" + (++n));
            r.put("receiptHandle", "AQEB-fake-" + prefix + "-" + n);
            r.put("body", body);
            ObjectNode attributes = r.putObject("attributes");
            attributes.put("ApproximateReceiveCount", "1");
            attributes.put("SentTimestamp", "1772442903000");
            r.putObject("messageAttributes");
            r.put("eventSource", "aws:sqs");
            r.put("eventSourceARN", "arn:aws:sqs:us-east-1:123456789012:hearken-reviews");
            r.put("awsRegion", "us-east-1");
        }
        return event.toString();
    }

    /** Posts an event to the Lambda mock event server; returns the function's answer. */
    static JsonPath invoke(String event) {
        return given().contentType("application/json").body(event)
                .when().post()
                .then().statusCode(200)
                .extract().jsonPath();
    }

    /** The itemIdentifiers of a batch response (empty for a null or empty response). */
    static List<String> failures(JsonPath response) {
        List<String> ids = response.getList("batchItemFailures.itemIdentifier");
        return ids == null ? List.of() : ids;
    }
}
