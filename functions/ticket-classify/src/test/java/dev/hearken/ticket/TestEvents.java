package dev.hearken.ticket;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearken.testing.Events;
import dev.hearken.ticket.zendesk.WebhookSignature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The {@code events/ticket-classify/} samples, re-signed or re-wrapped the way events/README.md describes. */
public final class TestEvents {

    /** The test-only signing secret of infra/seed/secrets.local.json. */
    public static final String SECRET = "hearken-local-zendesk-webhook-secret";

    private static final ObjectMapper JSON = new ObjectMapper();

    private TestEvents() {
    }

    /** The sample signed now with the test secret. */
    public static String resigned(String sample) {
        return resigned(sample, SECRET);
    }

    /** The sample with its signature recomputed for the current time with {@code secret}. */
    public static String resigned(String sample, String secret) {
        ObjectNode event = read(Events.load("ticket-classify", sample));
        return resign(event, secret).toString();
    }

    public static ObjectNode resign(ObjectNode event, String secret) {
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        byte[] body = event.path("body").asText().getBytes(StandardCharsets.UTF_8);
        ObjectNode headers = (ObjectNode) event.path("headers");
        headers.put("x-zendesk-webhook-signature-timestamp", now);
        headers.put("x-zendesk-webhook-signature", WebhookSignature.sign(secret, now, body));
        headers.put("content-length", Integer.toString(body.length));
        return event;
    }

    /** The sample as stored (its timestamp is months old: stale). */
    public static String asStored(String sample) {
        return Events.load("ticket-classify", sample);
    }

    /** The HTTP sample with another body, signed now. */
    public static String withBody(String sample, String body) {
        ObjectNode event = read(Events.load("ticket-classify", sample));
        event.put("body", body);
        return resign(event, SECRET).toString();
    }

    /** The body of an HTTP sample. */
    public static String body(String sample) {
        return read(Events.load("ticket-classify", sample)).path("body").asText();
    }

    /**
     * An SQS event of one record shaped like those of {@code sqs-batch-ok.json}, carrying {@code body}
     * with this message id and receipt handle.
     */
    public static String sqsEvent(String messageId, String receiptHandle, String body) {
        ObjectNode batch = read(Events.load("ticket-classify", "sqs-batch-ok"));
        ObjectNode record = (ObjectNode) batch.path("Records").get(0).deepCopy();
        record.put("messageId", messageId);
        record.put("receiptHandle", receiptHandle);
        record.put("body", body);
        ArrayNode records = batch.putArray("Records");
        records.add(record);
        return batch.toString();
    }

    /**
     * An SQS event of one record as the event source mapping hands over {@code m} (received with all system and
     * message attributes): its receive count, sent time and message attributes included.
     */
    public static String sqsEvent(software.amazon.awssdk.services.sqs.model.Message m) {
        ObjectNode batch = read(sqsEvent(m.messageId(), m.receiptHandle(), m.body()));
        ObjectNode record = (ObjectNode) batch.path("Records").get(0);
        ObjectNode attributes = record.putObject("attributes");
        m.attributesAsStrings().forEach(attributes::put);
        ObjectNode values = record.putObject("messageAttributes");
        m.messageAttributes().forEach((name, value) -> values.putObject(name)
                .put("stringValue", value.stringValue()).put("dataType", value.dataType()));
        return batch.toString();
    }

    private static ObjectNode read(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
