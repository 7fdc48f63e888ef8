package dev.hearken.integrations.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.junit.jupiter.api.Test;

/** A native image reads and writes with Jackson only the types registered for reflection; a JVM test would not notice. */
class ZendeskReflectionTest {

    @Test
    void every_zendesk_wire_record_is_registered_for_the_native_image() {
        Class<?>[] registered = ZendeskReflection.class.getAnnotation(RegisterForReflection.class).targets();

        assertThat(registered).containsExactlyInAnyOrder(ZendeskDtos.class.getDeclaredClasses());
    }
}
