package dev.hearken.ticket.config;

import dev.hearken.aws.sqs.SqsRecordHandler;
import dev.hearken.aws.config.WaitingSettings;
import dev.hearken.aws.sqs.SqsRedelivery;
import dev.hearken.escalation.ReviewEscalation;
import dev.hearken.ticket.domain.ReviewEscalationService;
import dev.hearken.ticket.domain.RoutingRules;
import dev.hearken.ticket.domain.TicketDesk;
import dev.hearken.ticket.escalation.EscalationBodies;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Wires review-escalate's domain service to the Zendesk desk and the routing rules the worker uses (one Zendesk
 * client for the module). {@link ReviewEscalation} is read with Jackson by hand from the SQS body, so it is
 * registered for reflection for the native build.
 */
@ApplicationScoped
@RegisterForReflection(targets = ReviewEscalation.class)
public class EscalationBeans {

    @Produces
    @Singleton
    ReviewEscalationService reviewEscalationService(TicketDesk desk, RoutingRules rules) {
        return new ReviewEscalationService(desk, rules);
    }

    /**
     * review-escalate's records: the body read as a {@link ReviewEscalation}, its ticket opened or found; a 429
     * re-sends it to the review-escalations queue after Retry-After ({@link SqsRedelivery}). Opening the ticket
     * <em>is</em> handing it to a person, so one that waited longer than {@code hearken.waiting.max-age} goes to the
     * DLQ with the reason {@code waited_too_long}, where the DLQ's alarm calls an operator.
     */
    @Produces
    @Singleton
    SqsRecordHandler<ReviewEscalation, ReviewEscalationService.Outcome> escalations(EscalationBodies bodies,
            Instance<ReviewEscalationService> service, SqsClient sqs, QueueUrls urls, WaitingSettings waiting,
            Clock clock) {
        return new SqsRecordHandler<>("review escalation",
                new SqsRedelivery(sqs, () -> urls.reviewEscalations().orElse(null),
                        () -> urls.reviewEscalationsDlq().orElse(null), waiting, clock),
                bodies::parse, escalation -> service.get().escalate(escalation), EscalationBeans::describe, null);
    }

    private static String describe(ReviewEscalation escalation, ReviewEscalationService.Outcome outcome) {
        return escalation + ": " + outcome.status() + " ticket " + outcome.ticketId() + (outcome.route() == null ? ""
                : ", group " + outcome.route().groupId() + " by rule " + outcome.route().ruleId() + ", priority "
                        + outcome.route().priority());
    }
}
