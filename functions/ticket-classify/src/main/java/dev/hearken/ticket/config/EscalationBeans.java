package dev.hearken.ticket.config;

import dev.hearken.aws.sqs.SqsVisibility;
import dev.hearken.escalation.ReviewEscalation;
import dev.hearken.ticket.domain.ReviewEscalationService;
import dev.hearken.ticket.domain.RoutingRules;
import dev.hearken.ticket.domain.TicketDesk;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
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

    /** Returns a rate-limited review-escalations message to its queue after Retry-After. */
    @Produces
    @Singleton
    @Named("review-escalations")
    SqsVisibility escalationsVisibility(SqsClient sqs, QueueUrls urls) {
        return new SqsVisibility(sqs, () -> urls.reviewEscalations().orElse(null));
    }
}
