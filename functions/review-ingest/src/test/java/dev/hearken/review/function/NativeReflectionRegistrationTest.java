package dev.hearken.review.function;

import dev.hearken.escalation.ReviewEscalation;
import dev.hearken.reply.AutoReplyRequest;
import dev.hearken.review.aws.ReviewDecisions;
import dev.hearken.review.config.ReviewReflection;
import dev.hearken.testing.NativeReflection;
import dev.hearken.review.ingest.ReplyRule;
import dev.hearken.review.ingest.ReviewMessage;
import dev.hearken.review.poll.PollSummary;
import org.junit.jupiter.api.Test;

/** Every type Jackson binds by reflection in review-ingest is registered for the native image. */
class NativeReflectionRegistrationTest {

    @Test
    void the_handlers_request_and_response_records_are_registered() {
        NativeReflection.assertRegistered(HandlerReflection.class,
                AppFollowDelivery.class, AppFollowWebhookFunction.Status.class, ImpactView.class);
    }

    @Test
    void the_decision_lookup_answer_is_registered() {
        NativeReflection.assertRegistered(HandlerReflection.class, ReviewDecisions.View.class);
    }

    @Test
    void the_queue_messages_the_reply_rules_and_the_poll_summary_are_registered() {
        NativeReflection.assertRegistered(ReviewReflection.class,
                ReviewMessage.class, ReplyRule.class, AutoReplyRequest.class, ReviewEscalation.class, PollSummary.class);
    }
}
