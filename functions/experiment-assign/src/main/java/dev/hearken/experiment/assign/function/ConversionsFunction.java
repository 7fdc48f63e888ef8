package dev.hearken.experiment.assign.function;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearken.experiment.assign.conversion.ConversionOutcome;
import dev.hearken.experiment.assign.conversion.ConversionService;
import dev.hearken.experiment.assign.conversion.InvalidOutcomeException;
import dev.hearken.experiment.assign.conversion.OutcomeEvent;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * experiment-conversions: the SQS worker that counts outcome events (one event per message body,
 * the shape of {@link OutcomeEvent}). Funqy's advanced event handling calls this once per record and
 * reports the records that threw in {@code batchItemFailures}, so one bad message never re-runs its
 * neighbours.
 *
 * <p>A malformed message fails (it is retried, then dead-lettered, with the reason in the log); a
 * well-formed event that is not counted (duplicate, before exposure, unknown experiment, …) is
 * acknowledged with its reason counted. Funqy swallows the exception of a failed record without
 * logging it, so this class logs it.
 */
public class ConversionsFunction {

    private static final Logger LOG = Logger.getLogger(ConversionsFunction.class);
    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {};

    private final ConversionService conversions;
    private final ObjectMapper json;

    @Inject
    ConversionsFunction(ConversionService conversions, ObjectMapper json) {
        this.conversions = conversions;
        this.json = json;
    }

    @Funq("conversions")
    public void conversions(SQSEvent.SQSMessage message) {
        OutcomeEvent event;
        try {
            Map<String, Object> body = json.readValue(message.getBody() == null ? "" : message.getBody(), JSON_OBJECT);
            event = OutcomeEvent.fromMap(body, sentAt(message));
        } catch (JsonProcessingException | InvalidOutcomeException e) {
            String why = e instanceof InvalidOutcomeException i ? "invalid field " + i.field() + ": " + i.getMessage()
                    : "body is not a JSON object";
            LOG.warnf("conversion message %s rejected (will be retried, then dead-lettered): %s", message.getMessageId(), why);
            throw new IllegalArgumentException("message " + message.getMessageId() + ": " + why, e);
        }
        try {
            ConversionOutcome outcome = conversions.record(event);
            if (outcome.counted()) {
                LOG.debugf("conversion %s counted", event.eventId());
            } else {
                LOG.infof("conversion %s ignored: %s", event.eventId(), outcome.reason().wireName());
            }
        } catch (RuntimeException e) {
            LOG.errorf("conversion message %s failed (will be retried): %s", message.getMessageId(), e.getClass().getName());
            throw e;
        }
    }

    /** When the producer sent the message: the event time of an event without {@code occurredAt}. */
    private static Instant sentAt(SQSEvent.SQSMessage message) {
        Map<String, String> attributes = message.getAttributes();
        String sent = attributes == null ? null : attributes.get("SentTimestamp");
        if (sent != null) {
            try {
                return Instant.ofEpochMilli(Long.parseLong(sent));
            } catch (NumberFormatException ignored) {
                // fall through: an unreadable attribute is not worth failing the message for
            }
        }
        return Instant.now();
    }
}
