package dev.hearken.autoreply.function;

import dev.hearken.autoreply.aws.TemplatePreviews;
import dev.hearken.reply.AutoReplyRequest;
import dev.hearken.testing.NativeReflection;
import org.junit.jupiter.api.Test;

/** Every type Jackson binds by reflection in auto-reply is registered for the native image. */
class AutoReplyReflectionTest {

    @Test
    void the_request_every_auto_reply_message_carries_and_what_it_reaches_are_registered() {
        NativeReflection.assertRegistered(AutoReplyReflection.class, AutoReplyRequest.class);
    }

    @Test
    void the_template_preview_request_and_answer_are_registered() {
        NativeReflection.assertRegistered(AutoReplyReflection.class, TemplatePreviews.Body.class,
                TemplatePreviews.View.class);
    }
}
