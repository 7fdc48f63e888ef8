package dev.hearken.review.config;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/**
 * URLs of the queues review-ingest sends to, set by the CDK stack's grants ({@code HEARKEN_QUEUES_REVIEWS},
 * {@code HEARKEN_QUEUES_AUTO_REPLY}, {@code HEARKEN_QUEUES_REVIEW_ESCALATIONS}). Optional because each function only gets the ones it uses; when absent the
 * adapter looks the queue up by its default name.
 */
@ConfigMapping(prefix = "hearken.queues")
public interface ReviewQueues {

    /** The reviews queue: the webhook and the poller send to it, the ingest worker consumes it. */
    Optional<String> reviews();

    /** The auto-reply queue: the ingest worker sends reply candidates to it. */
    Optional<String> autoReply();

    /** The review-escalations queue: the ingest worker sends privacy/legal reviews to it (ticket-classify opens a ticket). */
    Optional<String> reviewEscalations();
}
