package dev.hearken.push.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * push-admin's configuration (prefix {@code hearken.push.admin}): where a scheduled campaign's one-time schedule
 * goes. The CDK stack sets every key ({@code HEARKEN_PUSH_ADMIN_*}).
 */
@ConfigMapping(prefix = "hearken.push.admin")
public interface PushAdminSettings {

    /** Schedule group of campaign schedules ({@code HEARKEN_PUSH_ADMIN_CAMPAIGN_SCHEDULE_GROUP}, declared by the CDK stack). */
    @WithDefault("hearken-campaigns")
    String campaignScheduleGroup();

    /**
     * Role Scheduler assumes to put a campaign's "Campaign Scheduled" event, which may do nothing else
     * ({@code HEARKEN_PUSH_ADMIN_CAMPAIGN_SCHEDULER_ROLE_ARN}). Without it, scheduling a campaign fails (500)
     * and leaves it as it was.
     */
    Optional<String> campaignSchedulerRoleArn();

    /**
     * ARN of the event bus the push-campaign rule listens on, the schedules' target
     * ({@code HEARKEN_PUSH_ADMIN_CAMPAIGN_EVENT_BUS_ARN}). Required as the role is.
     */
    Optional<String> campaignEventBusArn();
}
