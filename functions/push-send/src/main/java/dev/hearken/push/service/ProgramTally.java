package dev.hearken.push.service;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The program-overview counters one message adds, aggregated so that a message costs one write
 * whatever it did (see {@link dev.hearken.push.port.ProgramCounters}):
 *
 * <ul>
 *   <li>{@code sends}: messages that reached the user on at least one channel (once per message);</li>
 *   <li>{@code deliveries}: accepted sends, one per device (FCM, APNs) and one per e-mail (SES) —
 *       a message to two phones is one send and two deliveries; {@code email_deliveries}: the e-mail part;</li>
 *   <li>{@code capped}, {@code opted_out}, {@code failed} (dead-lettered included): messages finished so;</li>
 *   <li>{@code deferred}: deferral hops — a message deferred through an 8-hour night adds 1 when it is
 *       scheduled (2 if the schedule fires early and a short SQS hop follows), up to 32 without schedules
 *       (the SQS chain; a schedule that cannot be created adds one 15-minute hop); the same as its delivery records. A
 *       message counts in {@code sends} once it finally goes.</li>
 * </ul>
 * A retry (429/5xx, busy lease) counts nothing but the deliveries it made; a duplicate counts nothing.
 */
final class ProgramTally {

    private ProgramTally() {}

    /** The counters of one processing of a message; {@code result} is {@code null} when it threw. */
    static Map<String, Long> counters(SendResult result, int deliveries, int emailDeliveries) {
        Map<String, Long> out = new LinkedHashMap<>();
        String outcome = switch (result) {
            case SendResult.Finished f -> switch (f.outcome()) {
                case "sent" -> "sends";
                case "capped" -> "capped";
                case "opted-out" -> "opted_out";
                default -> "failed";
            };
            case SendResult.Deferred d -> "deferred";
            case SendResult.DeadLettered d -> "failed";
            case null, default -> null; // retried later, a duplicate, or thrown: nothing decided yet
        };
        if (outcome != null) {
            out.put(outcome, 1L);
        }
        if (deliveries > 0) {
            out.put("deliveries", (long) deliveries);
        }
        if (emailDeliveries > 0) {
            out.put("email_deliveries", (long) emailDeliveries);
        }
        return out;
    }
}
