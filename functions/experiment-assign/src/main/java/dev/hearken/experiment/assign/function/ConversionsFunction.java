package dev.hearken.experiment.assign.function;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.hearken.aws.http.BadRequestException;
import dev.hearken.aws.http.JsonBodies;
import dev.hearken.experiment.assign.api.OutcomeEventMessage;
import dev.hearken.experiment.assign.conversion.ConversionOutcome;
import dev.hearken.experiment.assign.conversion.ConversionService;
import dev.hearken.experiment.assign.conversion.InvalidOutcomeException;
import dev.hearken.experiment.assign.conversion.OutcomeEvent;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * experiment-conversions: the SQS worker that counts outcome events (one {@link OutcomeEventMessage}
 * per message body). Funqy's advanced event handling calls this once per record and reports the
 * records that threw in {@code batchItemFailures}, so one bad message never re-runs its neighbours.
 *
 * <p>A malformed message fails (it is retried, then dead-lettered, with the reason in the log); a
 * well-formed event that is not counted (duplicate, before exposure, unknown experiment, …) is
 * acknowledged with its reason counted. Funqy swallows the exception of a failed record without
 * logging it, so this class logs it.
 */
public class ConversionsFunction {

    private static final Logger LOG = Logger.getLogger(ConversionsFunction.class);

    private final ConversionService conversions;
    private final JsonBodies json;

    @Inject
    ConversionsFunction(ConversionService conversions, JsonBodies json) {
        this.conversions = conversions;
        this.json = json;
    }

    @Funq("conversions")
    public void conversions(SQSEvent.SQSMessage message) {
        OutcomeEvent event;
        try {
            event = json.read(message.getBody(), OutcomeEventMessage.class).toEvent(SqsMessages.sentAt(message));
        } catch (BadRequestException | InvalidOutcomeException e) {
            String field = e instanceof BadRequestException b ? b.field() : ((InvalidOutcomeException) e).field();
            LOG.warnf("conversion message %s rejected (will be retried, then dead-lettered): %s (%s)",
                    message.getMessageId(), e.getMessage(), field == null ? "body" : field);
            throw new IllegalArgumentException("message " + message.getMessageId() + ": " + e.getMessage(), e);
        }
        try {
            ConversionOutcome outcome = conversions.record(event);
            LOG.infof("conversion %s %s", event.eventId(), outcome.counted() ? "counted" : "ignored: " + outcome.reason().wireName());
        } catch (RuntimeException e) {
            LOG.errorf("conversion message %s failed (will be retried): %s", message.getMessageId(), e.getClass().getName());
            throw e;
        }
    }
}
