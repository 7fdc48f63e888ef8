package dev.hearken.review.function;

import dev.hearken.review.aws.ReviewDecisions;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The handlers' request and response records, which Jackson reads and writes by reflection outside Funqy's own
 * signatures: a native image keeps their constructors and accessors only when they are registered
 * ({@code HandlerReflectionTest} fails when one reachable from a handler is missing).
 */
@RegisterForReflection(targets = {AppFollowDelivery.class, AppFollowDelivery.Review.class, AppFollowDelivery.Id.class,
        AppFollowWebhookFunction.Status.class, ImpactView.class, ImpactView.Bucket.class,
        ReviewDecisions.View.class, ReviewDecisions.VersionView.class, ReviewDecisions.ReplyView.class})
final class HandlerReflection {

    private HandlerReflection() {}
}
