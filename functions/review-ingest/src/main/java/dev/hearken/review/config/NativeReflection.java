package dev.hearken.review.config;

import dev.hearken.escalation.ReviewEscalation;
import dev.hearken.reply.AutoReplyRequest;
import dev.hearken.review.ingest.ReplyRule;
import dev.hearken.review.ingest.ReviewMessage;
import dev.hearken.review.poll.PollSummary;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Types Jackson reads or writes outside Funqy's own signatures (queue messages, the reply rules file): a native
 * image only keeps their constructors and accessors when registered.
 */
@RegisterForReflection(targets = {ReviewMessage.class, ReplyRule.class, AutoReplyRequest.class, ReviewEscalation.class,
        PollSummary.class, PollSummary.AppRun.class})
public final class NativeReflection {

    private NativeReflection() {}
}
