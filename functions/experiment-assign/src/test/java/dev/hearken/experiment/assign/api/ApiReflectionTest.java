package dev.hearken.experiment.assign.api;

import dev.hearken.experiment.assign.config.ApiReflection;
import dev.hearken.testing.NativeReflection;
import org.junit.jupiter.api.Test;

/**
 * Every wire record of the api package (a {@code …Request}, {@code …Response} or {@code …Message} and the records
 * nested in them) and what they reach is registered for the native image. The handlers take and return only
 * Lambda event types, so the api records are the roots.
 */
class ApiReflectionTest {

    @Test
    void every_api_record_and_everything_it_reaches_is_registered() {
        NativeReflection.assertRegistered(ApiReflection.class,
                NativeReflection.recordsIn("dev.hearken.experiment.assign.api", ".*(Request|Response|Message)"));
    }
}
