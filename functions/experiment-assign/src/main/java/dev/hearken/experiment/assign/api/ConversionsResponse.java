package dev.hearken.experiment.assign.api;

import dev.hearken.experiment.assign.conversion.ConversionOutcome;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The answer to {@code POST /conversions}: how many events counted, the others by reason, and each event's outcome.
 */
public record ConversionsResponse(long counted, Map<String, Long> ignored, List<Item> events) {

    public static ConversionsResponse of(List<ConversionOutcome> outcomes) {
        Map<String, Long> ignored = new TreeMap<>();
        outcomes.stream().filter(o -> !o.counted()).forEach(o -> ignored.merge(o.reason().wireName(), 1L, Long::sum));
        return new ConversionsResponse(outcomes.stream().filter(ConversionOutcome::counted).count(), ignored,
                outcomes.stream().map(Item::of).toList());
    }

    /** One event's outcome. */
    public record Item(String eventId, boolean counted, String reason, Integer variationId) {

        static Item of(ConversionOutcome o) {
            return new Item(o.eventId(), o.counted(), o.reason() == null ? null : o.reason().wireName(), o.variationId());
        }
    }
}
