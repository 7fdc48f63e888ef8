package dev.hearken.push.config;

import dev.hearken.aws.clients.SdkClients;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.scheduler.SchedulerClient;

/**
 * The EventBridge Scheduler client of long deferrals ({@code hearken.push.deferrals.*}). No Quarkiverse
 * extension exists for Scheduler, so the client is built by shared-aws' {@link SdkClients}, like
 * EventBridge's in {@link CampaignBeans}. Building it makes no call; only a long deferral does.
 */
@ApplicationScoped
public class DeferralBeans {

    @Produces
    @Singleton
    SchedulerClient scheduler(SdkClients clients) {
        return clients.build(SchedulerClient.builder());
    }

    void close(@Disposes SchedulerClient client) {
        client.close();
    }
}
