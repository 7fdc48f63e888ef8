package dev.hearken.push.config;

import dev.hearken.push.aws.CampaignSchedules;
import dev.hearken.push.aws.EventBridgeCampaignContinuation;
import dev.hearken.push.aws.PushMessageJson;
import dev.hearken.push.aws.SesFeedbackJson;
import dev.hearken.push.domain.ErasureReport;
import dev.hearken.push.domain.ProfileView;
import dev.hearken.push.domain.RegisteredDevice;
import dev.hearken.push.function.AppBodies;
import dev.hearken.push.function.UnsubscribeReplies;
import dev.hearken.testing.NativeReflection;
import org.junit.jupiter.api.Test;

/** Every type Jackson binds by reflection in push-send is registered for the native image. */
class PushReflectionTest {

    @Test
    void what_the_handlers_take_and_return_is_registered() {
        NativeReflection.assertRegistered(PushReflection.class, NativeReflection.funqTypes("dev.hearken.push"));
    }

    @Test
    void the_app_api_bodies_and_answers_are_registered() {
        NativeReflection.assertRegistered(PushReflection.class, AppBodies.Device.class, AppBodies.Profile.class,
                RegisteredDevice.class, ProfileView.class, ErasureReport.class);
    }

    @Test
    void the_queue_and_event_bodies_the_adapters_bind_and_the_unsubscribe_answer_are_registered() {
        NativeReflection.assertRegistered(PushReflection.class, PushMessageJson.Body.class, SesFeedbackJson.Body.class,
                EventBridgeCampaignContinuation.Detail.class, CampaignSchedules.Detail.class, UnsubscribeReplies.UnsubscribedBody.class);
    }
}
