package dev.hearken.push.service;

import dev.hearken.experiment.service.AssignmentService;
import dev.hearken.push.domain.Platform;
import dev.hearken.push.port.DeliveryLog;
import dev.hearken.push.port.FrequencyCaps;
import dev.hearken.push.port.LongDeferrals;
import dev.hearken.push.port.ProgramCounters;
import dev.hearken.push.port.PushGateway;
import dev.hearken.push.port.PushQueue;
import dev.hearken.push.port.SendLedger;
import dev.hearken.push.port.TemplateCatalogue;
import dev.hearken.push.port.UserDirectory;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link PushService} talks to, built once by the CDI producer (or by a test from in-memory ports).
 *
 * @param experiments   picks a template's variant; may be {@code null} when no template names an experiment
 * @param gateways      the push provider of each platform
 * @param mail          the e-mail channel, or {@code null} when there is none (e-mail is then
 *                      {@code failed email-unavailable})
 * @param counters      the program-overview counters
 * @param longDeferrals how waits longer than one SQS delay come back (one-time schedules), or {@code null} for a
 *                      chain of SQS re-enqueues of at most {@link PushPolicy#maxDelay} each
 */
public record PushPorts(
        UserDirectory users,
        FrequencyCaps caps,
        SendLedger ledger,
        DeliveryLog deliveries,
        TemplateCatalogue templates,
        AssignmentService experiments,
        Map<Platform, PushGateway> gateways,
        PushQueue queue,
        EmailChannel mail,
        ProgramCounters counters,
        LongDeferrals longDeferrals) {

    /** Counters that count nothing, for a service without a program overview. */
    public static final ProgramCounters NO_COUNTERS = (program, day, counters) -> { };

    public PushPorts {
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(caps, "caps");
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(deliveries, "deliveries");
        Objects.requireNonNull(templates, "templates");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(counters, "counters");
        gateways = Map.copyOf(gateways);
    }

    /** Push only: no e-mail channel, no program counters, long waits as a chain of SQS re-enqueues. */
    public static PushPorts pushOnly(UserDirectory users, FrequencyCaps caps, SendLedger ledger, DeliveryLog deliveries,
            TemplateCatalogue templates, AssignmentService experiments, Map<Platform, PushGateway> gateways,
            PushQueue queue) {
        return new PushPorts(users, caps, ledger, deliveries, templates, experiments, gateways, queue, null,
                NO_COUNTERS, null);
    }

    /** These ports with {@code mail} as the e-mail channel. */
    public PushPorts withMail(EmailChannel mail) {
        return new PushPorts(users, caps, ledger, deliveries, templates, experiments, gateways, queue, mail, counters,
                longDeferrals);
    }

    /** These ports with {@code counters} as the program counters. */
    public PushPorts withCounters(ProgramCounters counters) {
        return new PushPorts(users, caps, ledger, deliveries, templates, experiments, gateways, queue, mail, counters,
                longDeferrals);
    }

    /** These ports with long waits as one-time schedules. */
    public PushPorts withLongDeferrals(LongDeferrals longDeferrals) {
        return new PushPorts(users, caps, ledger, deliveries, templates, experiments, gateways, queue, mail, counters,
                longDeferrals);
    }
}
