package dev.hearken.push.config;

import dev.hearken.push.aws.CampaignSchedules;
import dev.hearken.push.aws.EventBridgeCampaignContinuation;
import dev.hearken.push.aws.PushMessageJson;
import dev.hearken.push.aws.SesFeedbackJson;
import dev.hearken.push.domain.ErasureReport;
import dev.hearken.push.domain.ProfileView;
import dev.hearken.push.domain.RegisteredDevice;
import dev.hearken.push.function.AppBodies;
import dev.hearken.push.function.CampaignEvent;
import dev.hearken.push.function.UnsubscribeReplies;
import dev.hearken.push.service.CampaignService;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Every type Jackson reads or writes in push-send — the handlers' inputs and results, queue and event
 * bodies: a native image keeps their constructors and accessors only when registered. {@code
 * PushReflectionTest} fails when a JSON-bound record is missing here.
 */
@RegisterForReflection(targets = {
        CampaignEvent.class, CampaignEvent.Detail.class, CampaignService.RunResult.class,
        PushMessageJson.Body.class,
        SesFeedbackJson.Body.class, SesFeedbackJson.Bounce.class, SesFeedbackJson.Complaint.class,
        SesFeedbackJson.Recipient.class, SesFeedbackJson.Mail.class,
        EventBridgeCampaignContinuation.Detail.class, CampaignSchedules.Detail.class,
        UnsubscribeReplies.UnsubscribedBody.class,
        AppBodies.Device.class, AppBodies.Profile.class, AppBodies.QuietHours.class, AppBodies.Channels.class,
        RegisteredDevice.class, ProfileView.class, ProfileView.Quiet.class, ProfileView.Channels.class,
        ErasureReport.class})
public final class PushReflection {

    private PushReflection() {}
}
