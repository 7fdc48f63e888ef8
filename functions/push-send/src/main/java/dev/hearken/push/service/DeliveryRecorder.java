package dev.hearken.push.service;

import dev.hearken.experiment.service.Assignment;
import dev.hearken.push.domain.Delivery;
import dev.hearken.push.domain.DeliveryOutcome;
import dev.hearken.push.domain.Template;
import dev.hearken.push.message.PushMessage;
import dev.hearken.push.port.DeliveryLog;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes the delivery records of one processing of one message ({@code push-deliveries}): one per decision
 * (deferred, capped, opted out, failed before sending) and one per device or e-mail sent to, each with the
 * copy's locale and variant once they are chosen. Counts what was accepted, for the program counters.
 * Devices report concurrently: the counts are atomic, and the copy is chosen before any device is sent to.
 */
final class DeliveryRecorder {

    private final DeliveryLog deliveries;
    private final PushMessage message;
    private final Instant at;
    private String locale;
    private String experimentKey;
    private Integer variationId;
    private String variationKey;
    private final AtomicInteger delivered = new AtomicInteger();
    private final AtomicInteger emailed = new AtomicInteger();

    DeliveryRecorder(DeliveryLog deliveries, PushMessage message, Instant at) {
        this.deliveries = deliveries;
        this.message = message;
        this.at = at;
    }

    /** The push copy chosen, and the experiment that chose it, if any; carried by every later record. */
    void copy(Template.Localised localised, Assignment assignment) {
        copy(localised.locale(), localised.variant(), assignment);
    }

    /** The copy chosen, and the experiment that chose it, if any; carried by every later record. */
    void copy(String locale, String variant, Assignment assignment) {
        this.locale = locale;
        this.variationKey = variant;
        if (assignment != null) {
            this.experimentKey = assignment.experimentKey();
            this.variationId = assignment.variationId();
            this.variationKey = assignment.variationKey();
        }
    }

    /** Records a decision about the whole message (no channel); returns the outcome's wire name. */
    String decision(DeliveryOutcome outcome, String reason) {
        write(outcome, reason, null);
        return outcome.wireName();
    }

    /** Records what became of one device's send, or of the e-mail ({@link EmailChannel#CHANNEL}). */
    void device(DeliveryOutcome outcome, String reason, String channel) {
        write(outcome, reason, channel);
        if (outcome == DeliveryOutcome.SENT) {
            delivered.incrementAndGet();
            if (EmailChannel.CHANNEL.equals(channel)) {
                emailed.incrementAndGet();
            }
        }
    }

    /** Accepted sends so far, devices and e-mail. */
    int delivered() {
        return delivered.get();
    }

    /** Accepted e-mails so far. */
    int emailed() {
        return emailed.get();
    }

    private void write(DeliveryOutcome outcome, String reason, String channel) {
        deliveries.record(new Delivery(message.program(), message.priority().wireName(), message.template(),
                message.idempotencyKey(), message.userId(), outcome, reason, channel, locale, experimentKey,
                variationId, variationKey, at));
    }
}
