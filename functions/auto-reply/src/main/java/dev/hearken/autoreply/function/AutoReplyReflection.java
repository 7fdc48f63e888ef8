package dev.hearken.autoreply.function;

import dev.hearken.autoreply.aws.TemplatePreviews;
import dev.hearken.reply.AutoReplyRequest;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Types Jackson binds by hand (not through a REST or Funqy signature Quarkus sees), registered for the native
 * image: the body of every {@code auto-reply} message, and the template preview's request and answer.
 */
@RegisterForReflection(targets = {AutoReplyRequest.class, TemplatePreviews.Body.class,
        TemplatePreviews.View.class})
final class AutoReplyReflection {

    private AutoReplyReflection() {
    }
}
