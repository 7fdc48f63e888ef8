package dev.hearken.infra.contexts;

import dev.hearken.infra.constructs.ConsumerOptions;
import dev.hearken.infra.constructs.DataTable;
import dev.hearken.infra.constructs.HearkenFunction;
import dev.hearken.infra.constructs.HearkenFunctionProps;
import dev.hearken.infra.constructs.WorkerQueue;
import dev.hearken.infra.constructs.WorkerQueueProps;
import java.time.Duration;

/**
 * Review escalation: a privacy or legal store review becomes one Zendesk ticket for the right team.
 *
 * <p>review-ingest never auto-answers such a review; it puts a {@code dev.hearken.escalation.ReviewEscalation}
 * on the review-escalations queue, and review-escalate — a function of the ticket-classify artifact, the
 * module's one Zendesk client — opens the ticket, found again by its external_id so a redelivery opens no
 * second one. It routes with the routing rules the ticket worker uses. Small batches and two pollers:
 * escalations are rare, and Zendesk's limits are shared with the ticket worker and auto-reply.
 */
public final class ReviewEscalate {

    /**
     * @param producer      the only function that may enqueue escalations ({@link ReviewIngest#worker()})
     * @param routingRules  the ticket routing rules ({@link TicketClassify#routingRules()})
     * @param zendeskSecret Zendesk's API credentials ({@link TicketClassify#zendeskSecret()})
     */
    public ReviewEscalate(StackBase platform, HearkenFunction producer, DataTable routingRules,
            NamedSecret zendeskSecret) {
        HearkenFunction worker = platform.function(HearkenFunctionProps.builder("review-escalate")
                .module("functions/ticket-classify")
                .export("escalate")
                // A lookup and a create, each up to 10 s (the Zendesk client's connect + read timeouts).
                .timeout(Duration.ofSeconds(30))
                .build());
        WorkerQueue escalations = platform.queue(WorkerQueueProps.builder("review-escalations", worker.timeout())
                .build());
        escalations.grantSend(producer);
        escalations.consumer(worker, ConsumerOptions.builder().batchSize(5).maxConcurrency(2).build());
        // A rate-limited escalation waits as a delayed copy on its queue; one given up goes to the DLQ with its reason.
        escalations.redeliveredBy(worker);
        routingRules.grantRead(worker);
        zendeskSecret.grantRead(worker, "HEARKEN_ZENDESK_SECRET_ID");
        platform.takesRateBudget(worker);   // the Zendesk account's shared budget
        platform.callsZendesk(worker);
    }
}
