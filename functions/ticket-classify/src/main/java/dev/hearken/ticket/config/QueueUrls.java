package dev.hearken.ticket.config;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/**
 * URLs of the queues ticket-classify uses, set by the CDK stack's grants ({@code HEARKEN_QUEUES_TICKETS},
 * {@code HEARKEN_QUEUES_AUTO_REPLY}, …). Optional because each function only gets the ones it uses.
 */
@ConfigMapping(prefix = "hearken.queues")
public interface QueueUrls {

    /** The tickets queue: the webhook sends to it, the worker re-sends a waiting ticket to it. */
    Optional<String> tickets();

    /** The tickets queue's DLQ ({@code HEARKEN_QUEUES_TICKETS_DLQ}): the worker moves a ticket there with its reason. */
    Optional<String> ticketsDlq();

    /** The auto-reply queue: the worker sends eligible tickets to it. */
    Optional<String> autoReply();

    /** The review-escalations queue ({@code HEARKEN_QUEUES_REVIEW_ESCALATIONS}): review-escalate re-sends a waiting escalation to it. */
    Optional<String> reviewEscalations();

    /** Its DLQ ({@code HEARKEN_QUEUES_REVIEW_ESCALATIONS_DLQ}): review-escalate moves an escalation there with its reason. */
    Optional<String> reviewEscalationsDlq();
}
