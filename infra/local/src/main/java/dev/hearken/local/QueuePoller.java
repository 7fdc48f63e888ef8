package dev.hearken.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * An SQS event source mapping, as Lambda's poller runs it: long-polls the queue, hands up to
 * {@code batchSize} messages to the function as one SQS event, deletes the ones that succeeded
 * (all but the reported {@code batchItemFailures}, or none when the invocation failed) and leaves
 * the rest to come back after the visibility timeout — and to the DLQ through the queue's redrive
 * policy once they have been received {@code maxReceiveCount} times.
 */
final class QueuePoller implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SqsClient sqs;
    private final String queueUrl;
    private final String queueArn;
    private final LocalTemplate.QueueMapping mapping;
    private final Function<String, RuntimeApiServer.Outcome> invoke;
    private final Thread thread;
    private final AtomicLong succeeded = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile boolean running = true;

    QueuePoller(SqsClient sqs, String queueUrl, String queueArn, LocalTemplate.QueueMapping mapping,
            Function<String, RuntimeApiServer.Outcome> invoke) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.queueArn = queueArn;
        this.mapping = mapping;
        this.invoke = invoke;
        this.thread = Thread.ofVirtual().name("poll-" + mapping.queueName()).start(this::loop);
    }

    long succeeded() {
        return succeeded.get();
    }

    long failed() {
        return failed.get();
    }

    private void loop() {
        while (running) {
            try {
                List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(queueUrl)
                        .maxNumberOfMessages(Math.min(10, mapping.batchSize()))
                        .waitTimeSeconds(1)
                        .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                        .messageAttributeNames("All")).messages();
                if (!messages.isEmpty()) {
                    deliver(messages);
                }
            } catch (RuntimeException e) {
                if (running) {
                    System.err.println("poller " + mapping.queueName() + ": " + e.getClass().getSimpleName());
                    sleep();
                }
            }
        }
    }

    private void deliver(List<Message> messages) {
        RuntimeApiServer.Outcome outcome = invoke.apply(event(messages));
        Set<String> failedIds = new HashSet<>();
        if (outcome.error()) {
            messages.forEach(m -> failedIds.add(m.messageId()));
        } else if (mapping.reportBatchItemFailures()) {
            try {
                for (JsonNode f : JSON.readTree(outcome.body()).path("batchItemFailures")) {
                    failedIds.add(f.path("itemIdentifier").asText());
                }
            } catch (Exception e) {
                messages.forEach(m -> failedIds.add(m.messageId())); // unreadable response: the whole batch failed
            }
        }
        for (Message m : messages) {
            if (failedIds.contains(m.messageId())) {
                failed.incrementAndGet();
            } else {
                sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
                succeeded.incrementAndGet();
            }
        }
    }

    private String event(List<Message> messages) {
        ObjectNode event = JSON.createObjectNode();
        ArrayNode records = event.putArray("Records");
        for (Message m : messages) {
            ObjectNode r = records.addObject();
            r.put("messageId", m.messageId());
            r.put("receiptHandle", m.receiptHandle());
            r.put("body", m.body());
            ObjectNode attributes = r.putObject("attributes");
            m.attributesAsStrings().forEach(attributes::put);
            ObjectNode messageAttributes = r.putObject("messageAttributes");
            for (Map.Entry<String, software.amazon.awssdk.services.sqs.model.MessageAttributeValue> a
                    : m.messageAttributes().entrySet()) {
                ObjectNode v = messageAttributes.putObject(a.getKey());
                v.put("stringValue", a.getValue().stringValue());
                v.putArray("stringListValues");
                v.putArray("binaryListValues");
                v.put("dataType", a.getValue().dataType());
            }
            r.put("md5OfBody", m.md5OfBody());
            r.put("eventSource", "aws:sqs");
            r.put("eventSourceARN", queueArn);
            r.put("awsRegion", queueArn.split(":").length > 3 ? queueArn.split(":")[3] : "us-east-1");
        }
        return event.toString();
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops after the batch in flight, if any, has been handed back (deleted, or left to come back). */
    void stopAndWait(Duration timeout) {
        running = false;
        try {
            thread.join(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
