package dev.hearken.aws.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How an SQS worker waits for a rate limit, a spent quota or a provider's {@code Retry-After} without spending the
 * queue's poison-message budget ({@link dev.hearken.aws.sqs.SqsRedelivery}). Each function sets its own values in its
 * {@code application.properties}; environment {@code HEARKEN_WAITING_*}.
 */
@ConfigMapping(prefix = "hearken.waiting")
public interface WaitingSettings {

    /**
     * How long an item may wait in all, counted from when it was first put on its queue; a wait that would end later
     * sends the item to a person (a ticket), leaves it to agents (an automatic reply) or records it expired (a push).
     */
    @WithDefault("24h")
    Duration maxAge();

    /** The shortest wait before the next attempt, whatever a provider says: a {@code Retry-After} of 0 must not spin. */
    @WithDefault("1s")
    Duration minDelay();

    /**
     * The queue's {@code maxReceiveCount} (infra/cdk {@code WorkerQueueProps}, 5): a record that fails on this receive
     * is moved to the dead-letter queue by the worker, with its reason as a message attribute, rather than by the
     * redrive policy on the next receive, which cannot say why.
     */
    @WithDefault("5")
    int maxReceives();
}
