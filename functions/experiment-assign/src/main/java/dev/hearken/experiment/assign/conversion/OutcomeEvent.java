package dev.hearken.experiment.assign.conversion;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
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
     * Validates a parsed JSON object (plain Java values, as Jackson reads them).
     *
     * @param receivedAt the time to use when the event has no {@code occurredAt}
     *
     * @throws InvalidOutcomeException naming the offending field
     */
    public static OutcomeEvent fromMap(Map<String, Object> json, Instant receivedAt) {
        if (json == null) {
            throw new InvalidOutcomeException(null, "event must be a JSON object");
        }
        String typeName = requiredString(json, "type");
        OutcomeType type = OutcomeType.of(typeName).orElseThrow(() -> new InvalidOutcomeException(
                "type", "unknown type '" + typeName + "'"));
        Object rawValue = json.get("value");
        double value;
        if (rawValue == null) {
            if (type.kind() == OutcomeType.Kind.VALUE) {
                throw new InvalidOutcomeException("value", "value is required for " + type.wireName());
            }
            value = 1;
        } else if (rawValue instanceof Number n) {
            value = n.doubleValue();
            if (!Double.isFinite(value) || value < 0) {
                throw new InvalidOutcomeException("value", "value must be a non-negative number");
            }
        } else {
            throw new InvalidOutcomeException("value", "value must be a number");
        }
        String occurred = optionalString(json, "occurredAt");
        Instant occurredAt = receivedAt;
        if (occurred != null) {
            try {
                occurredAt = Instant.parse(occurred);
            } catch (DateTimeParseException e) {
                throw new InvalidOutcomeException("occurredAt", "occurredAt must be an ISO-8601 instant, e.g. 2026-03-02T10:05:00Z");
            }
        }
        return new OutcomeEvent(
                requiredString(json, "eventId"),
                requiredString(json, "userId"),
                optionalString(json, "experimentKey"),
                optionalString(json, "program"),
                type,
                value,
                optionalString(json, "variationKey"),
                occurredAt);
    }

    private static String requiredString(Map<String, Object> json, String field) {
        String s = optionalString(json, field);
        if (s == null) {
            throw new InvalidOutcomeException(field, field + " is required");
        }
        return s;
    }

    private static String optionalString(Map<String, Object> json, String field) {
        Object v = json.get(field);
        if (v == null) {
            return null;
        }
        if (!(v instanceof String s)) {
            throw new InvalidOutcomeException(field, field + " must be a string");
        }
        if (s.isBlank()) {
            throw new InvalidOutcomeException(field, field + " must not be blank");
        }
        if (s.length() > MAX_ID_LENGTH) {
            throw new InvalidOutcomeException(field, field + " is longer than " + MAX_ID_LENGTH + " characters");
        }
        return s;
    }
}
