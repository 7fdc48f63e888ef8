package dev.hearken.experiment.assign.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.hearken.experiment.assign.conversion.OutcomeEvent;
import java.time.Instant;

/**
 * An outcome event as producers send it (SQS message body, HTTP body or one of {@code events}):
 * <pre>{"eventId":"…","userId":"…","experimentKey":"…","program":"…","type":"push_opened",
 *  "value":12.5,"variationKey":"…","occurredAt":"2026-03-02T10:05:00Z"}</pre>
 * The fields are checked by {@link OutcomeEvent#of}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OutcomeEventMessage(String eventId, String userId, String experimentKey, String program, String type,
        Double value, String variationKey, String occurredAt) {

    /** The event; {@code receivedAt} stands in for a missing {@code occurredAt}. */
    public OutcomeEvent toEvent(Instant receivedAt) {
        return OutcomeEvent.of(eventId, userId, experimentKey, program, type, value, variationKey, occurredAt, receivedAt);
    }
}
