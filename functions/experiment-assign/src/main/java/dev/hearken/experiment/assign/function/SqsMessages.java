package dev.hearken.experiment.assign.function;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Instant;
import java.util.Map;

/** What the conversions worker reads from an SQS record besides its body. */
final class SqsMessages {

    private SqsMessages() {}

    /** When the producer sent the message: the event time of an event without {@code occurredAt}. */
    static Instant sentAt(SQSEvent.SQSMessage message) {
        Map<String, String> attributes = message.getAttributes();
        String sent = attributes == null ? null : attributes.get("SentTimestamp");
        if (sent != null) {
            try {
                return Instant.ofEpochMilli(Long.parseLong(sent));
            } catch (NumberFormatException unreadable) {
                // an unreadable attribute is not worth failing the message for: the receive time stands in
            }
        }
        return Instant.now();
    }
}
