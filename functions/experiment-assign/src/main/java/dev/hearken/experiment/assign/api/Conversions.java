package dev.hearken.experiment.assign.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearken.aws.http.BadRequestException;
import dev.hearken.aws.http.JsonBodies;
import dev.hearken.experiment.assign.conversion.InvalidOutcomeException;
import dev.hearken.experiment.assign.conversion.OutcomeEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The events of a {@code POST /conversions}: its body is one {@link OutcomeEventMessage}, or a
 * {@link ConversionsBatchMessage} with up to {@value #MAX_EVENTS}. Every event is checked before any is counted, so a malformed request records nothing.
 */
public sealed interface Conversions {

    /** Most events one HTTP request may carry. */
    int MAX_EVENTS = 100;

    /** A single event. */
    record One(OutcomeEvent event) implements Conversions {}

    /** A batch of events, in order. */
    record Batch(List<OutcomeEvent> events) implements Conversions {}

    /**
     * Reads a request body.
     *
     * @throws InvalidOutcomeException naming the offending event field
     * @throws BadRequestException     when the body or the {@code events} list is malformed
     */
    static Conversions parse(JsonBodies json, String body, Instant receivedAt) {
        JsonNode tree = json.tree(body);
        if (!tree.has("events")) {
            return new One(asEvent(() -> json.read(tree, OutcomeEventMessage.class)).toEvent(receivedAt));
        }
        List<OutcomeEventMessage> messages = asEvent(() -> json.read(tree, ConversionsBatchMessage.class)).events();
        if (messages == null || messages.isEmpty() || messages.size() > MAX_EVENTS) {
            throw new BadRequestException("events", "events must be a list of 1 to " + MAX_EVENTS + " events");
        }
        List<OutcomeEvent> events = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            if (messages.get(i) == null) {
                throw new BadRequestException("events[" + i + "]", "events[" + i + "] must be an object");
            }
            try {
                events.add(messages.get(i).toEvent(receivedAt));
            } catch (InvalidOutcomeException e) {
                throw new InvalidOutcomeException("events[" + i + "]." + e.field(), "events[" + i + "]: " + e.getMessage());
            }
        }
        return new Batch(events);
    }

    /** A mistyped event field is an invalid event, as a failed check of its value is. */
    private static <T> T asEvent(Supplier<T> read) {
        try {
            return read.get();
        } catch (BadRequestException e) {
            if (e.field() == null || e.field().equals("events")) {
                throw e;
            }
            throw new InvalidOutcomeException(e.field(), e.getMessage());
        }
    }
}
