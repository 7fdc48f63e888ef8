package dev.hearken.experiment.assign.conversion;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * Something a user did after a message: opened a push, clicked an e-mail, rated a ticket... The
 * wire shape (SQS message body or HTTP body) is
 * <pre>{"eventId":"…","userId":"…","experimentKey":"…","program":"…","type":"push_opened",
 *  "value":12.5,"variationKey":"…","occurredAt":"2026-03-02T10:05:00Z"}</pre>
 *
 * @param eventId       the producer's id of the event; an event is counted at most once per id
 * @param userId        the user, as assigned (the experiment's hash id)
 * @param experimentKey the experiment the event is attributed to, or {@code null}
 * @param program       the CRM program it belongs to (program overview), or {@code null}; at least
 *                      one of experimentKey and program is present
 * @param type          the metric
 * @param value         the amount for value metrics (required, ≥ 0); optional for conversions
 *                      (default 1)
 * @param variationKey  the variation the producer believes the user saw, or {@code null}; checked
 *                      against the recorded exposure
 * @param occurredAt    when it happened; only events after the first exposure count. Optional on
 *                      the wire: a producer that sends the event as it happens may leave it out,
 *                      and the time the event is received is used
 */
public record OutcomeEvent(
        String eventId,
        String userId,
        String experimentKey,
        String program,
        OutcomeType type,
        double value,
        String variationKey,
        Instant occurredAt) {

    /** Longest id (event, user, experiment, program) accepted: DynamoDB keys allow more, real ids are short. */
    public static final int MAX_ID_LENGTH = 256;

    public OutcomeEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        if (experimentKey == null && program == null) {
            throw new InvalidOutcomeException("experimentKey", "experimentKey or program is required");
        }
        if (!Double.isFinite(value) || value < 0) {
            throw new InvalidOutcomeException("value", "value must be a non-negative number");
        }
    }

    /**
     * Validates an event as received (SQS message or HTTP body), field by field.
     *
     * @param value      {@code null} when absent: 1 for conversions, an error for value metrics
     * @param occurredAt an ISO-8601 instant, or {@code null} to use {@code receivedAt}
     * @throws InvalidOutcomeException naming the offending field
     */
    public static OutcomeEvent of(String eventId, String userId, String experimentKey, String program, String type,
            Double value, String variationKey, String occurredAt, Instant receivedAt) {
        String typeName = required("type", type);
        OutcomeType outcomeType = OutcomeType.of(typeName).orElseThrow(() -> new InvalidOutcomeException(
                "type", "unknown type '" + typeName + "'"));
        if (value == null && outcomeType.kind() == OutcomeType.Kind.VALUE) {
            throw new InvalidOutcomeException("value", "value is required for " + outcomeType.wireName());
        }
        Instant occurred = receivedAt;
        if (optional("occurredAt", occurredAt) != null) {
            try {
                occurred = Instant.parse(occurredAt);
            } catch (DateTimeParseException e) {
                throw new InvalidOutcomeException("occurredAt", "occurredAt must be an ISO-8601 instant, e.g. 2026-03-02T10:05:00Z");
            }
        }
        return new OutcomeEvent(
                required("eventId", eventId),
                required("userId", userId),
                optional("experimentKey", experimentKey),
                optional("program", program),
                outcomeType,
                value == null ? 1 : value,
                optional("variationKey", variationKey),
                occurred);
    }

    private static String required(String field, String value) {
        if (value == null) {
            throw new InvalidOutcomeException(field, field + " is required");
        }
        return optional(field, value);
    }

    private static String optional(String field, String value) {
        if (value == null) {
            return null;
        }
        if (value.isBlank()) {
            throw new InvalidOutcomeException(field, field + " must not be blank");
        }
        if (value.length() > MAX_ID_LENGTH) {
            throw new InvalidOutcomeException(field, field + " is longer than " + MAX_ID_LENGTH + " characters");
        }
        return value;
    }
}
