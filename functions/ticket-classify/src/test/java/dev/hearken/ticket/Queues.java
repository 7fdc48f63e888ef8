package dev.hearken.ticket;

import dev.hearken.testing.aws.Emulator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;

/** Emulator helpers for the function tests: drain queues, clear the decision log. */
public final class Queues {

    private Queues() {
    }

    /** Receives and deletes every visible message of the queue. */
    public static List<Message> drain(String queue) {
        String url = TicketClassifyResource.queueUrl(queue);
        List<Message> all = new ArrayList<>();
        while (true) {
            List<Message> batch = Emulator.shared().sqs().receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)
                    .waitTimeSeconds(0).messageAttributeNames("All")).messages();
            if (batch.isEmpty()) {
                return all;
            }
            for (Message m : batch) {
                Emulator.shared().sqs().deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()));
            }
            all.addAll(batch);
        }
    }

    /** Deletes every item of the decision log, so each test starts with tickets never seen. */
    public static void clearDecisions() {
        var dynamo = Emulator.shared().dynamo();
        for (Map<String, AttributeValue> item : dynamo.scan(b -> b.tableName(TicketClassifyResource.DECISIONS)).items()) {
            dynamo.deleteItem(b -> b.tableName(TicketClassifyResource.DECISIONS)
                    .key(Map.of("ticketId", item.get("ticketId"), "eventKey", item.get("eventKey"))));
        }
    }

    /** The decision log items of a ticket. */
    public static List<Map<String, AttributeValue>> decisions(long ticketId) {
        return Emulator.shared().dynamo().query(b -> b.tableName(TicketClassifyResource.DECISIONS)
                .keyConditionExpression("ticketId = :t")
                .expressionAttributeValues(Map.of(":t", AttributeValue.fromS(Long.toString(ticketId))))).items();
    }
}
