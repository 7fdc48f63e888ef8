package dev.hearken.autoreply.function;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearken.reply.AutoReplyRequest;
import io.quarkus.runtime.annotations.RegisterForReflection;
import org.junit.jupiter.api.Test;

/** A native image reads with Jackson only the types registered for reflection; a JVM test would not notice. */
class AutoReplyReflectionTest {

    @Test
    void the_request_every_auto_reply_message_carries_is_registered_for_reflection() {
        RegisterForReflection registration = AutoReplyReflection.class.getAnnotation(RegisterForReflection.class);

        assertThat(registration).isNotNull();
        assertThat(registration.targets()).contains(AutoReplyRequest.class);
    }
}
