package dev.hearken.integrations.zendesk;

import dev.hearken.testing.NativeReflection;
import org.junit.jupiter.api.Test;

/** Every Zendesk wire record is registered for the native image in {@link ZendeskReflection}. */
class ZendeskReflectionTest {

    @Test
    void what_the_rest_client_sends_and_receives_is_registered() {
        NativeReflection.assertRegistered(ZendeskReflection.class, NativeReflection.methodTypes(ZendeskApi.class));
    }

    @Test
    void every_zendesk_dto_is_registered() {
        NativeReflection.assertRegistered(ZendeskReflection.class,
                NativeReflection.recordsIn("dev.hearken.integrations.zendesk", "ZendeskDtos"));
    }
}
