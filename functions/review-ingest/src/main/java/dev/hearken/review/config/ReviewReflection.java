package dev.hearken.review.config;

import dev.hearken.escalation.ReviewEscalation;
import dev.hearken.integrations.appstore.AppStoreResources;
import dev.hearken.integrations.googleplay.GooglePlayResources;
import dev.hearken.reply.AutoReplyRequest;
import dev.hearken.review.aws.ReviewMessageJson;
import dev.hearken.review.ingest.ReplyRule;
import dev.hearken.review.ingest.ReviewMessage;
import dev.hearken.review.parse.AppFollowPayload;
import dev.hearken.review.parse.ProviderReview;
import dev.hearken.review.poll.PollSummary;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Types Jackson reads or writes outside Funqy's own signatures (queue messages with the provider records they
 * carry, the reply rules file): a native image only keeps their constructors and accessors when registered.
 */
@RegisterForReflection(targets = {ReviewMessage.class, ReviewMessageJson.Body.class,
        ProviderReview.AppStore.class, ProviderReview.GooglePlay.class, ProviderReview.AppFollow.class,
        AppStoreResources.CustomerReview.class, AppStoreResources.ReviewAttributes.class,
        AppStoreResources.ReviewRelationships.class, AppStoreResources.Relationship.class,
        AppStoreResources.ResourceId.class,
        GooglePlayResources.Review.class, GooglePlayResources.Comment.class, GooglePlayResources.UserComment.class,
        GooglePlayResources.DeveloperComment.class, GooglePlayResources.Timestamp.class,
        GooglePlayResources.DeviceMetadata.class,
        AppFollowPayload.class, AppFollowPayload.Review.class,
        ReplyRule.class, AutoReplyRequest.class, ReviewEscalation.class, PollSummary.class, PollSummary.AppRun.class})
public final class ReviewReflection {

    private ReviewReflection() {}
}
