package dev.hearken.review.function;

/**
 * The parts of an EventBridge "Scheduled Event" (aws-events.md §3) the poller logs; {@code detail} is always
 * {@code {}} for a scheduled rule.
 */
public record ScheduleEvent(String id, String time) {
}
